printf '1\n2\n' > nums
{ read a; read b; } < nums
echo $a $b
