trap 'echo trapped; exit 3' TERM
kill $$
echo no
