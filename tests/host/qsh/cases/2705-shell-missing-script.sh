self=$(readlink /proc/$$/exe)
"$self" ./nosuch.sh 2>/dev/null
echo $?
