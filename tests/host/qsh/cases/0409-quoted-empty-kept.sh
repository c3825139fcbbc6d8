e=
set -- "$e" a "" b
echo $#
