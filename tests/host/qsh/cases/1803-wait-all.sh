(sleep 0.1; echo a > fa) &
(sleep 0.2; echo b > fb) &
wait
cat fa fb
echo all-done
