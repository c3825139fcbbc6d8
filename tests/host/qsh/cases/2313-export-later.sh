V=value
export V
sh -c 'echo $V'
