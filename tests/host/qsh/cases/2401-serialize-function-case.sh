f() { case $1 in a|b) echo ab;; (c) echo c;; *) echo other;; esac; }
for x in a c z; do f $x; done | cat
