{ echo err >&2; } 2>&1 >/dev/null
{ echo err2 >&2; } >/dev/null 2>&1
echo end
