[ abc -eq 1 ] 2>/dev/null
echo $?
