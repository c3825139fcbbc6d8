sleep 0.2 &
pid=$!
wait $pid
echo "waited $?"
