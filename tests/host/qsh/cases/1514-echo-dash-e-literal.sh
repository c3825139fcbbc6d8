echo -e x
