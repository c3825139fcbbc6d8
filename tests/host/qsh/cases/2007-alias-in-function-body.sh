alias greet='echo hi'
f() { greet there; }
f
