printf '[%5s][%-5s][%.2s]\n' ab cd efgh
printf '[%5d][%-5d][%05d]\n' 42 42 42
