x=1
f() { local x; x=2; g; echo "f $x"; }
g() { echo "g $x"; x=3; }
f
echo "top $x"
