f() { alias later='echo later-alias'; }
f
later
