x=outer
(x=inner; echo $x)
echo $x
(cd /; pwd)
pwd | sed "s|$HOME|H|"
