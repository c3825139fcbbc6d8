set -u
(echo $nosuchvar) 2>/dev/null
echo $?
set +u
set -f
(echo /*)
