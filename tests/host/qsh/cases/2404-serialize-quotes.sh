f() { echo 'single $x' "double $1" \$escaped "a\"b"; }
f arg | cat
