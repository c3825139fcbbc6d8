x=hello
echo ${#x}
empty=
echo ${#empty}
set -- a b c
echo ${#}
