trap '' USR1
(kill -USR1 $$; echo child-alive)
echo parent-alive
