exec > log
echo into-log
exec >/dev/tty 2>/dev/null || exec >&2
cat log >&2
