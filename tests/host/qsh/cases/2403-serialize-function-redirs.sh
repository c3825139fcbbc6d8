f() { echo to-err >&2; { echo grouped; } 2>&1; ! false && echo negated; } 2>&1
f | sort
