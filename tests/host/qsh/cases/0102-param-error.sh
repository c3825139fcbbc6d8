unset x
(echo ${x?gone}) 2>/dev/null
echo status $?
x=set
echo ${x?never}
