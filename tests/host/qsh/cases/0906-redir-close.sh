{ echo visible; echo hidden >&3; } 3>&- 2>/dev/null
echo status
