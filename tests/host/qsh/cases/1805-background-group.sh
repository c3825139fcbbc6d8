{ echo grp; } &
wait
