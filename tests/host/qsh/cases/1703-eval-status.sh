eval false
echo $?
eval 'exit 0; echo no' &&:
