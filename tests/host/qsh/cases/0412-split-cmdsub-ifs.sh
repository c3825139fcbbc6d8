IFS=,
for w in $(echo 1,2,,3); do echo "[$w]"; done
