x=~/a:~/b
echo "$x" | sed "s|$HOME|H|g"
