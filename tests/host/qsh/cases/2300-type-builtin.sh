type echo
type cd
type set
type if
