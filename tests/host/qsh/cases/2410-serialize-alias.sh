alias hello='echo alias-hello'
(eval hello)
