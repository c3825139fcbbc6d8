echo hello > out
cat out
