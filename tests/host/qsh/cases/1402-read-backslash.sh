printf 'a\\ b c\n' > f
read x y < f
echo "[$x] [$y]"
read -r x y < f
echo "[$x] [$y]"
