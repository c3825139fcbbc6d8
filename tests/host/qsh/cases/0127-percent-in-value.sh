x=50%
echo ${x%\%}
