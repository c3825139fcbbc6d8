{ echo a; echo b; } > o
cat o
