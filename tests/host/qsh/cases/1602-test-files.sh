touch f; mkdir d
[ -e f ] && echo e
[ -f f ] && echo f
[ -d d ] && echo d
[ -f d ] || echo not-f
[ -s f ] || echo empty
echo x > f
[ -s f ] && echo nonempty
[ -r f ] && [ -w f ] && echo rw
[ -x f ] || echo not-x
