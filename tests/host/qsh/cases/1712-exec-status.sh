(exec sh -c 'exit 6')
echo $?
