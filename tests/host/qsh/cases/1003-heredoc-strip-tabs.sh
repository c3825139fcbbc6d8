cat <<-EOF
	indented
		twice
	EOF
