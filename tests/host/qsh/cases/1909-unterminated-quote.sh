echo ok
echo 'unterminated
