printf 'x\ny\n' > lines
while read l; do echo "L$l"; done < lines
