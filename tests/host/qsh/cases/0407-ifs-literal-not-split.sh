IFS=:
set -- a:b
echo $#
