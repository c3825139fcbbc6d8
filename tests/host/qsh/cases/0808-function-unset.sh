f() { echo here; }
unset -f f
f 2>/dev/null || echo gone
