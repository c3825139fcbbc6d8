f() { local x=1 y; y=2; echo $x$y; }
f
echo "[$x$y]"
