for i in 1 2 3; do
  for j in a b; do
    if [ $j = b ]; then continue 2; fi
    echo $i$j
  done
  echo never
done
