echo one > out
echo two >> out
cat out
