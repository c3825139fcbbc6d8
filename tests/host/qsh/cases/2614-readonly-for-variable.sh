x=5
readonly x
for x in 1; do :; done
echo not-reached
