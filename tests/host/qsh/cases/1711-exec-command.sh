(exec echo replaced; echo not-here)
echo $?
