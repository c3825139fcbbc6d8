touch f1 f2 f3 fa
echo f[12] f[!12a] f[a-z]
