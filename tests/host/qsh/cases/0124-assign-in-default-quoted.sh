unset x
echo "${x:="a  b"}"
echo "$x"
