(cat <<EOF
sub heredoc
EOF
)
