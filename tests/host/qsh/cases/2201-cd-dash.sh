mkdir x y
cd x
cd ../y
cd - | sed "s|$HOME|H|"
pwd | sed "s|$HOME|H|"
