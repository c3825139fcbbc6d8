printf 'tab\there\nbs\\ q\"\n'
printf '\101\102\n'
