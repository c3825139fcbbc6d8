f() { return; }
false
f
echo $?
