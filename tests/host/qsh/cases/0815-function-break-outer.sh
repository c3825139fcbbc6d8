for i in 1 2 3; do
  f() { echo "i=$i"; }
  f
done
