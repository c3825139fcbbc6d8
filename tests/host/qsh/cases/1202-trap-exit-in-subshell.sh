trap 'echo parent-exit' EXIT
(echo sub)
echo end
