self=$(readlink /proc/$$/exe)
printf 'echo one\nfi\necho two\n' | "$self" 2>/dev/null
echo $?
