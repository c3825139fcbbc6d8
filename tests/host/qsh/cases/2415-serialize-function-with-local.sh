f() { local v=inner; echo $v; }
v=outer
f | cat
echo $v
