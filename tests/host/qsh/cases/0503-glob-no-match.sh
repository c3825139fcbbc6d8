echo nomatch*.xyz
echo "quoted*"
