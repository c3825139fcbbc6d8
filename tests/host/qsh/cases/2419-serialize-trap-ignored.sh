trap '' INT
(trap) | grep -c INT >/dev/null
echo ok
