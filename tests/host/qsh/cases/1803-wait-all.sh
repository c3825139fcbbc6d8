(sleep 0.1; echo a) &
(sleep 0.2; echo b) &
wait
echo all-done
