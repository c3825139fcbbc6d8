x='one
two three'
IFS='
'
for l in $x; do echo "[$l]"; done
