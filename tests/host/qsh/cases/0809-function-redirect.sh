f() { echo to-file; }
f > f.out
cat f.out
g() { echo body; } > g.out
g
cat g.out
