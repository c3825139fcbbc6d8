echo a # comment
# whole line
echo b#notcomment
