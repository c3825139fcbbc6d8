echo data | cat
pwd | sed "s|$HOME|H|"
