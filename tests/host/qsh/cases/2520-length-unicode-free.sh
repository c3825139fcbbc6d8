x=abcdef
echo ${#x}
