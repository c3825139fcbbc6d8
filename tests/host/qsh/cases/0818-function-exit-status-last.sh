f() { true; false; }
f
echo $?
