export ZZTEST='a b'
export -p | grep ZZTEST
