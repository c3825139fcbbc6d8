set -- -q -b
while getopts :ab: o; do echo "$o $OPTARG"; done
