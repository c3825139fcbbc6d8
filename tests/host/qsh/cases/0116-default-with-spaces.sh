unset x
for w in ${x:-a b c}; do echo "w=$w"; done
for w in "${x:-a b c}"; do echo "q=$w"; done
