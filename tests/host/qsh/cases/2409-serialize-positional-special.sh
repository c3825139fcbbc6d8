set -- 'a b' '' 'c'
(echo $#; for p in "$@"; do echo "<$p>"; done)
