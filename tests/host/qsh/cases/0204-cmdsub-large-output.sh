n=$(i=0; while [ $i -lt 3000 ]; do echo "line $i of some longer text"; i=$((i+1)); done | wc -l)
echo $n
