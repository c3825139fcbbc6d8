printf 'partial' > f
read x < f
echo "$? [$x]"
read y < /dev/null
echo "$? [$y]"
