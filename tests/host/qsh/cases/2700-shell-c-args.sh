self=$(readlink /proc/$$/exe)
"$self" -c 'echo $0 $1 $#' name a b
"$self" -c 'exit 3'
echo $?
