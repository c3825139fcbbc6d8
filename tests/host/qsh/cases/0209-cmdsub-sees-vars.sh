x=42
f() { echo "f$1"; }
echo $(echo $x; f 1)
