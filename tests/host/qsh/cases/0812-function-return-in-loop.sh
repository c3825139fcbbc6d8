f() { for i in 1 2 3; do if [ $i = 2 ]; then return 9; fi; echo $i; done; }
f
echo $?
