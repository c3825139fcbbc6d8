set -- a b
(echo $# $2; set -- z; echo $1)
echo $1
