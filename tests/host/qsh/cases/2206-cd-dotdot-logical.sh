mkdir -p r/s
ln -s r/s ls
cd ls/..
pwd | sed "s|$HOME|H|"
