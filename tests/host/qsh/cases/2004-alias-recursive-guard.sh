alias echo='echo wrapped'
echo text
