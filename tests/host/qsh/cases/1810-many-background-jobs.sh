i=0
while [ $i -lt 100 ]; do
  true &
  i=$((i+1))
done
wait
echo done $i
