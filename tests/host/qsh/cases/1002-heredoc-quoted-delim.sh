x=world
cat <<'EOF'
hello $x $(echo no)
EOF
cat <<"E2"
also $x
E2
cat <<\E3
and $x
E3
