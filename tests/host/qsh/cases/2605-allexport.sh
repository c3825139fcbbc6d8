set -a
x=1
sh -c 'echo $x'
