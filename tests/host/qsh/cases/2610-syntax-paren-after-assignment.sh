echo start
a=(1)
echo not-reached
