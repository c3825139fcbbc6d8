case ~ in "$HOME") echo home;; *) echo "bad ~";; esac
echo ~/sub | sed "s|$HOME|H|"
