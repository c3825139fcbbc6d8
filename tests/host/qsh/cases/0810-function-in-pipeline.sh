f() { while read x; do echo "f:$x"; done; }
printf 'a\nb\n' | f
