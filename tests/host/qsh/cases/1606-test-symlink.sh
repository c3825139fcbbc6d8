touch target
ln -s target link
[ -L link ] && echo L
[ -h link ] && echo h
[ -L target ] || echo notlink
