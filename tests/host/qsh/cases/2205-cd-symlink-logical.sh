mkdir real
ln -s real link
cd link
pwd | sed "s|$HOME|H|"
pwd -P | sed "s|$HOME|H|"
cd ..
pwd | sed "s|$HOME|H|"
