set -- "" ""
for x in "$@"; do echo "[$x]"; done
for x in $@; do echo "<$x>"; done
echo end
