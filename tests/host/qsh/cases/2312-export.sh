export EX1=exported
sh -c 'echo $EX1'
NOEX=hidden
sh -c 'echo "[$NOEX]"'
