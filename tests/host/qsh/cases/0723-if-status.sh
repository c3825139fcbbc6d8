if false; then :; fi
echo $?
if (exit 3); then :; else echo "else $?"; fi
