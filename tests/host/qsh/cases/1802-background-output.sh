echo bg-out &
wait
echo fg-out
