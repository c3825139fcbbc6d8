n=3
echo $(( ${n} * 2 ))
