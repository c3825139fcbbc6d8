#!/proc/boot/no/such/interpreter
# A script whose interpreter is not in the boot image.
