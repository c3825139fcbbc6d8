echo content > in
cat < in
read line < in
echo $line
