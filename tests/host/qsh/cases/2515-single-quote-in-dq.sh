echo "it's"
