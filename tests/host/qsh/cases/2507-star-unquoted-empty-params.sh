set -- '' ''
set -- $*
echo $#
