set -- -xy -z
while getopts xyz o; do echo $o; done
echo $OPTIND
