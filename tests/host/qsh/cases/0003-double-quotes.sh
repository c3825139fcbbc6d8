x=val
echo "a  b $x" "\$x" "\"q\"" "back\\slash" "lit\z"
