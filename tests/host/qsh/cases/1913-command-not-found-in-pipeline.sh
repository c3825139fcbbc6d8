nosuch_xyz 2>/dev/null | echo next
echo $?
