unset x
echo ${x:-$(echo computed)}
