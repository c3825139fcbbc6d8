(g() { echo defined-in-sub; }; g)
g 2>/dev/null || echo not-in-parent
