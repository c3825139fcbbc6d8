touch p1 p2
pat='p*'
echo $pat
echo "$pat"
