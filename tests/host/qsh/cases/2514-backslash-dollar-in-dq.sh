echo "\$HOME-\a"
