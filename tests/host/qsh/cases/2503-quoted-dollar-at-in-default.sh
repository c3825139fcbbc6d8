set -- a b
for i in "${1+"$@"}"; do echo "[$i]"; done
