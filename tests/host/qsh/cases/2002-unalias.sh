alias x='echo x'
unalias x
x 2>/dev/null || echo gone
