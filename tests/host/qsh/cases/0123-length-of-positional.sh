set -- hello
echo ${#1}
