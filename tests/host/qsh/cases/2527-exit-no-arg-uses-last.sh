false
(exit)
echo $?
