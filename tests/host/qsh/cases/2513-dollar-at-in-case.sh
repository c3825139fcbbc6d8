set -- foo
case "$@" in foo) echo match;; esac
