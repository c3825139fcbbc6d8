while ! true; do :; done
echo ok
if ! false; then echo negif; fi
