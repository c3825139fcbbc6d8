self=$(readlink /proc/$$/exe)
printf 'echo "$0" | sed "s|.*/||"\necho "$@"\nexit 4\n' > script.sh
"$self" ./script.sh x y
echo $?
