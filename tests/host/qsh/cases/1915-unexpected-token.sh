(eval 'echo a ;; echo b') 2>/dev/null
echo $?
