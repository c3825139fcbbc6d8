x=a
echo ${x}b $xb end
