set -v
echo shown
