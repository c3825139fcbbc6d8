readonly ro=fixed
(ro=changed) 2>/dev/null
echo $?
(echo $ro)
