echo ${x=}
echo "[${x}]"
