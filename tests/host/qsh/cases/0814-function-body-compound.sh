f() if true; then echo if-body; fi
f
g() ( echo subshell-body; x=1 )
g
