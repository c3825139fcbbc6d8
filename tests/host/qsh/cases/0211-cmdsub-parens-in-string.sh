echo $(echo ')')
echo "$(echo "(")"
