f() { case $0 in *.sh) echo script;; esac; }
f
