echo() { printf 'func\n'; }
echo x
command echo real
unset -f echo
