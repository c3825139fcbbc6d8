unset x
echo ${x:-$((6*7))}
