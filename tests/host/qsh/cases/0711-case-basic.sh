for w in apple banana cherry; do
  case $w in
    a*) echo "A $w";;
    b*|c*) echo "BC $w";;
  esac
done
