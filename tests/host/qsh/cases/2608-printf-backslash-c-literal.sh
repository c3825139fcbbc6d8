printf 'a\cb\n'
