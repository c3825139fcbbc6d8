touch xa xb xc
echo x[^a]
