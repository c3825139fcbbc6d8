f() { :; }
f | cat
echo $?
