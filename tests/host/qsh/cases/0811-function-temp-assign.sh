f() { echo "v=$v"; }
v=temp f
echo "after=[$v]"
