f() { x=$(cat <<EOF
inner $1
EOF
); echo "$x"; }
f z
