a=$$
b=$(echo $$)
c=$( (echo $$) )
[ "$a" = "$b" ] && [ "$a" = "$c" ] && echo same
