echo x | exit 3
echo $?
echo still-running
