echo 'sourced=yes; echo in-file $#' > lib.sh
. ./lib.sh
echo $sourced
