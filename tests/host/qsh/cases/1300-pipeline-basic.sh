echo hello | tr h H
printf 'b\na\nc\n' | sort | head -2
