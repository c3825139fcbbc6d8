case $0 in *118-dollar-zero.sh) echo ok;; *) echo "bad $0";; esac
