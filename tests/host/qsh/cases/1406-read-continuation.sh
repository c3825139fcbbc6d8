printf 'a\\\nb\n' > f
read x < f
echo "[$x]"
