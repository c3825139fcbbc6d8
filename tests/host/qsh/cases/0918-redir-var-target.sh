f=target
echo hi > $f
cat target
