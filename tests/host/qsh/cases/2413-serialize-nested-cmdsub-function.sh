f() { echo "[$(echo "$1" | tr a-z A-Z)]"; }
f abc | cat
