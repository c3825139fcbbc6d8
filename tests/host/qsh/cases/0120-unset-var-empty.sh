unset v
echo "[$v]"
