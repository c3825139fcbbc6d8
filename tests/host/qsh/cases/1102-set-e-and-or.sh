set -e
false && echo no
false || echo rescued
echo reached
