sh -c 'kill -TERM $$'
echo $?
