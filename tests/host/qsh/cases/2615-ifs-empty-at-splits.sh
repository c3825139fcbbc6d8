set -- "a b" c
IFS=
for x in $@; do echo "[$x]"; done
