eval echo a b c
