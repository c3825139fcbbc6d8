readonly RO=1
readonly -p | grep RO
