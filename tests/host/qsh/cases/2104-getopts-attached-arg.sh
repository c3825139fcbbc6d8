set -- -bvalue
getopts b: o
echo "$o $OPTARG"
