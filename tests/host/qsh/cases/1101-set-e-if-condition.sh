set -e
if false; then echo no; fi
echo reached
