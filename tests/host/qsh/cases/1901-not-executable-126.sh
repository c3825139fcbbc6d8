echo 'echo hi' > script
chmod -x script
./script 2>/dev/null
echo $?
