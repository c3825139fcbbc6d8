command -v echo
command -v ls
command -v nosuch_xyz
echo $?
f() { :; }
command -v f
