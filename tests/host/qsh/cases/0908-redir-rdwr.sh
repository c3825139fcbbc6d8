echo data > rw
exec 5<>rw
read x <&5
echo $x
exec 5<&-
