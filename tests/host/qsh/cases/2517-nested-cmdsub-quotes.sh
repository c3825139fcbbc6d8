echo "$(echo "$(echo "deep  spaced")")"
