touch m1 m2 m3
for f in m*; do echo "file $f"; done
