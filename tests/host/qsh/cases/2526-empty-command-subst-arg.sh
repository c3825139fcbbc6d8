set -- $(true)
echo $#
