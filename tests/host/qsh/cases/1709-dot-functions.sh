echo 'lf() { echo lib-func; }' > l.sh
. ./l.sh
lf
