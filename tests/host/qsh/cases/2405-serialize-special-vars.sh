x='multi
line value'
y='quote'\''s'
(echo "$x"; echo "$y")
