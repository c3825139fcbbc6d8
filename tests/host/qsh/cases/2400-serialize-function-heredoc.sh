f() {
  cat <<EOF
heredoc in $1
EOF
  cat <<'Q'
quoted $1
Q
}
f one | cat
