> created
[ -f created ] && echo exists
