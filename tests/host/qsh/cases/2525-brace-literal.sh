echo { } {a,b}
