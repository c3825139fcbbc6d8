set -e
f() { false; echo in-f; }
if f; then echo ok; fi
echo reached
