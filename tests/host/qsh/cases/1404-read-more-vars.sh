echo "one" > f
read a b c < f
echo "[$a] [$b] [$c]"
