sleep 2 &
sleep 0.5
sed -n 's/^SigIgn:.*\(.......\)$/\1/p' /proc/$!/status
kill $!
wait
echo done
