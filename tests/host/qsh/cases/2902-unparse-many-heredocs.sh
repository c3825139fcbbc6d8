f() {
  cat <<A; cat <<B; cat <<C
a
A
b
B
c
C
}
f | cat
