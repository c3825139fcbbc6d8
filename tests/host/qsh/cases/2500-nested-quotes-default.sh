unset x
echo "${x:-"a  b"}"
echo ${x:-'c  d'}
