x=1
echo 'a'"b"c"$x"'$x'\"
