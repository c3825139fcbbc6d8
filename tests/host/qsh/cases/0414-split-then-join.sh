x='a   b'
echo $x "$x"
