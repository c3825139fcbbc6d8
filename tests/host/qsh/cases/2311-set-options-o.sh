set -o errexit
case $- in *e*) echo on;; esac
set +o errexit
set -o noglob
touch a1
echo a*
