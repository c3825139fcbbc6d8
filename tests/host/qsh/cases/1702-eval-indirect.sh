name=val
eval "$name=indirect"
eval echo \$$name
