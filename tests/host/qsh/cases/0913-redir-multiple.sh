echo x > a > b
cat a; cat b
