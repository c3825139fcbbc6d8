IFS=:
x=:a
set -- $x
echo $# "<$1>" "<$2>"
