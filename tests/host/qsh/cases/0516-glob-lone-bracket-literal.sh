touch '[' 'a[' b
echo [ a[ [b
echo [[]
