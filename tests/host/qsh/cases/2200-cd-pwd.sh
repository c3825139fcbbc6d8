mkdir -p a/b
cd a/b
pwd | sed "s|$HOME|H|"
cd ..
pwd | sed "s|$HOME|H|"
