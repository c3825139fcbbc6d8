f() { echo "bg $1"; }
f job &
wait
