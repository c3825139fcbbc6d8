mkdir -p base/target
CDPATH=$PWD/base
cd target | sed "s|$HOME|H|"
cd target >/dev/null
pwd | sed "s|$HOME|H|"
