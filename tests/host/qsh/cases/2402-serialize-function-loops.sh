f() {
  for i in 1 2; do
    while false; do :; done
    until true; do :; done
    if [ $i = 1 ]; then echo one; elif [ $i = 2 ]; then echo two; else :; fi
  done
  for a do echo "arg $a"; done
}
f x y | cat
