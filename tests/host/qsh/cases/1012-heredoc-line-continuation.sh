cat <<EOF
a\
b
EOF
