old=$IFS
IFS=-
x=a-b
set -- $x
IFS=$old
echo $# $1 $2
