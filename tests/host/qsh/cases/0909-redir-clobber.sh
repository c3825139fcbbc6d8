echo a > c
set -C
(echo b > c) 2>/dev/null || echo refused
echo c >| c
cat c
set +C
