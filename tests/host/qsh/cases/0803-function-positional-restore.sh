set -- outer
f() { echo "in $1 $#"; set -- x y z; echo "$#"; }
f a b
echo "$1 $#"
