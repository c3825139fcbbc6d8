export EXP=1
NOTEXP=2
(sh -c 'echo "[$EXP] [$NOTEXP]"')
