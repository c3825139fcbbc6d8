self=$(readlink /proc/$$/exe)
"$self" -e -c 'false; echo not-reached'
echo $?
"$self" -c 'set -e; false; echo no'
echo $?
