printf 'k1 v1\nk2 v2 extra\n' | while read k v; do echo "$k=$v"; done
