echo "a:b:" > f
IFS=: read x y < f
echo "[$x] [$y]"
