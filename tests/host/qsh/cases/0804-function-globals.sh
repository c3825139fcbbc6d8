f() { g=set_in_f; }
f
echo $g
