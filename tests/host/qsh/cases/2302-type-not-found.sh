type nosuch_xyz
echo $?
