eval 'echo evaluated'
cmd='x=5'
eval $cmd
echo $x
