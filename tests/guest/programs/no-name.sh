#!
# A script whose #! line names no interpreter.
