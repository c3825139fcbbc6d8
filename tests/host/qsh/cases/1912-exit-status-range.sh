(exit 256)
echo $?
(exit 255)
echo $?
