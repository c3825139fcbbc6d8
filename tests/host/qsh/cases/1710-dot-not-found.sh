(. ./nosuch.sh) 2>/dev/null
echo $?
