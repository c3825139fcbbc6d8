touch a1 b2 C3 _4
echo [[:upper:]]* [[:digit:]]* 2>/dev/null
echo [[:alpha:]][[:digit:]]
