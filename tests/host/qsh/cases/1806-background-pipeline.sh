echo piped | tr a-z A-Z &
wait
