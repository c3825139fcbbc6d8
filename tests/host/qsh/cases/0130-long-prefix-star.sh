x=aaa
echo ${x#a*} ${x##a*}x
