alias q='echo Q'; q 2>/dev/null || echo not-yet
q
