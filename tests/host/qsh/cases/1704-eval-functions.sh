eval 'f() { echo from-eval; }'
f
