kill -0 $$
echo $?
