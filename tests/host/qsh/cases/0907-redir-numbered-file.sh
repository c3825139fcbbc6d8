exec 4>four
echo to-four >&4
exec 4>&-
cat four
