touch s1
echo ./s*
