zvar='with space'
set | grep '^zvar='
