i=0
while i=$((i+1)); [ $i -lt 10 ]; do [ $i = 3 ] && break; done
echo $i
