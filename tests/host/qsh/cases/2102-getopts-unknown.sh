set -- -q
getopts ab o 2>/dev/null
echo "$o"
