x=old
echo new | read x
echo $x
