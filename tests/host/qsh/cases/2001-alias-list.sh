alias a1='echo one' a2='ls -l'
alias
alias a1
