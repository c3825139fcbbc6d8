printf '%s\n' "a\nb" "a\\b" "a\$b" "a\`b"
