printf 'echo from script $1\n' > s
chmod +x s
./s arg
