trap 'echo hi' INT
trap 'x' TERM
trap
