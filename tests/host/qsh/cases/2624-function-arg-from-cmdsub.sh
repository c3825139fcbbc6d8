f() { echo $1; }
f "$(echo a b)"
