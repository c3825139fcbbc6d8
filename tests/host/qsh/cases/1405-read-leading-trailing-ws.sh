echo "   spaced   out   " > f
read x < f
echo "[$x]"
read x y < f
echo "[$x] [$y]"
