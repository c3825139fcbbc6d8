x=X
echo pre"$x"mid'$x'post${x}end$(echo C)`echo D`$((1+1))
