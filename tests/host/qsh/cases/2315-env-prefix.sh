X=prefixed sh -c 'echo $X'
echo "[$X]"
