mkdir sub
cd sub
cd
pwd | sed "s|$HOME|H|"
