set -- p q
for x; do echo $x; done
for x do echo again $x; done
