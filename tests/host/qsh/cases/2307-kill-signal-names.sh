sleep 10 &
kill -s TERM $!
wait $!
echo $?
sleep 10 &
kill -9 $!
wait $!
echo $?
