set -- one two three four five six seven eight nine ten eleven
echo $1 $2 $9 ${10} ${11}
echo $10
