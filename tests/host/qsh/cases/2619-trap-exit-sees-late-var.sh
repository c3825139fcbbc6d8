trap 'echo $x' EXIT
x=late
