mkdir -p d1/sub d2
touch d1/x d1/sub/y d2/z
echo */*
echo d*/
