{ echo a; echo b; } | tr ab AB
{ x=inside; }
echo $x
