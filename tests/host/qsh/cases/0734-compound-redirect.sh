for i in 1 2; do echo $i; done > out.txt
cat out.txt
if true; then echo in-if; fi > if.txt
cat if.txt
