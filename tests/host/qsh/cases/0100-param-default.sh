unset x
echo ${x-def} ${x:-def2}
x=
echo "[${x-def}]" "[${x:-def2}]"
