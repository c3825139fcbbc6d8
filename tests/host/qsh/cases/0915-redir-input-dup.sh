echo line > src
exec 6< src
cat <&6
