echo "1:2:3" > f
IFS=: read a b c < f
echo "$a-$b-$c"
