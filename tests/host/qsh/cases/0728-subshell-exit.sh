(exit 5)
echo $?
(false)
echo $?
