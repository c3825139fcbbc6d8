[ abc = abc ] && echo eq
[ abc != abd ] && echo ne
[ -n "x" ] && echo n
[ -z "" ] && echo z
[ "" ] || echo empty-false
[ x ] && echo nonempty-true
