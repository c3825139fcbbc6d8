x=1
(x=2; (x=3; echo $x); echo $x)
echo $x
