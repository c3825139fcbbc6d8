printf 'l1\nl2\nl3\n' | while read line; do echo "got $line"; done
