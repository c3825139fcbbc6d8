#!/proc/boot/test/echo-args.sh
# A script whose interpreter is itself a script.
