sleep 0.1 &
wait %1
echo $?
