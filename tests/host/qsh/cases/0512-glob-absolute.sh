mkdir -p abs/q
touch abs/q/file1
echo "$PWD"/abs/q/f* | sed "s|$PWD|PWD|"
