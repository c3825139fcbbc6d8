set --
echo "[$*]" "[$@]"
