f() { echo f; }
unset f
f
