mkdir m
cd m
echo "$PWD" | sed "s|$HOME|H|"
echo "$OLDPWD" | sed "s|$HOME|H|"
