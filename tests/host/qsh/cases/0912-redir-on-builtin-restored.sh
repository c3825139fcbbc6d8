echo first > f1
echo second
cat f1
