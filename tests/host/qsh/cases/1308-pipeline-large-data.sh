i=0
while [ $i -lt 2000 ]; do echo "row $i"; i=$((i+1)); done | tail -1
