echo "a b c" > f
read x y < f
echo "[$x] [$y]"
