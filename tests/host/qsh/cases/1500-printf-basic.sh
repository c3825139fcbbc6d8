printf '%s-%s\n' a b
printf '%d items\n' 42
printf 'no newline'
printf '\n'
