echo one \
two \
three
