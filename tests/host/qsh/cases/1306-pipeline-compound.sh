for i in 3 1 2; do echo $i; done | sort
if true; then echo in-if; fi | cat
