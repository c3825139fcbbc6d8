trap 'echo usr1' USR1
(sleep 0.3; kill -USR1 $$) &
sleep 3 &
wait $!
echo "wait=$?"
