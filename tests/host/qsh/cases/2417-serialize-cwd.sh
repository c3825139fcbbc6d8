mkdir w
cd w
(pwd) | sed "s|$HOME|H|"
echo $(pwd) | sed "s|$HOME|H|"
