echo "a\
b"
