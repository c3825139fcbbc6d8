f() { exit 4; }
f
echo not-reached
