[ -n ] && echo n-is-string
[ = ] && echo eq-is-string
