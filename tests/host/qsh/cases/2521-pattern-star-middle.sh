x=foo.bar.baz
echo ${x#*.} ${x%.*} ${x##*.} ${x%%.*}
