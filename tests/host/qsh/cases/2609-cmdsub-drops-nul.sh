x=$(printf 'a\0b')
echo ${#x}
