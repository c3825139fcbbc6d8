local x 2>/dev/null
echo not-reached
