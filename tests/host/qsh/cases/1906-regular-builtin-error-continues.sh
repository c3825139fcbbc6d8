cd /nonexistent/dir 2>/dev/null
echo "status $?"
