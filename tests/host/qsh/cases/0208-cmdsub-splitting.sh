for w in $(echo a b c); do echo "w=$w"; done
for w in "$(echo a b c)"; do echo "q=$w"; done
