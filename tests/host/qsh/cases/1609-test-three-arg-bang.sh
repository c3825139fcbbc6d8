[ ! -z x ] && echo yes
[ ! = x ] || echo no
