set -- x y z
echo $# $2
set --
echo $#
set -- -n
echo "$1"
