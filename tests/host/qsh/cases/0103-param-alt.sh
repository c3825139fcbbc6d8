x=1
echo "[${x+alt}]" "[${y+alt}]"
z=
echo "[${z+alt}]" "[${z:+alt}]"
