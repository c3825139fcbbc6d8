i=0
{
  echo 'cat <<EOF'
  while [ $i -lt 400 ]; do echo "line number $i with padding text to make it long"; i=$((i+1)); done
  echo EOF
} > gen.sh
. ./gen.sh | wc -l
