x='a b'
case $x in 'a b') echo spaced;; esac
