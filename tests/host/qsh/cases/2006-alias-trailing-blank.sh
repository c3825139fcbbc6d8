alias sp='echo '
alias w=word
sp w
alias nb='echo'
nb w
