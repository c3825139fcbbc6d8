x=`echo \$HOME | tr -d /`
echo ${#x}
y=`echo 'a\\b'`
echo "$y"
