f() { if [ $1 -gt 0 ]; then f $(($1-1)); else echo bottom; fi; }
f 999
echo "after $?"
f 1200 2>/dev/null
echo not-reached
