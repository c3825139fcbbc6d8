false
x=1
echo $?
x=$(exit 2)
echo $?
