x=abc
echo ${x#} ${x%}
