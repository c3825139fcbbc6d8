f() { echo "func $1"; }
(f sub)
