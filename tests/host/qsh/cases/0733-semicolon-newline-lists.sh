if true
then
  echo a
fi
while false
do
  :
done
echo b
