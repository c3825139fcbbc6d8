printf 'a\nb\n' > inp
exec < inp
read x
echo $x
