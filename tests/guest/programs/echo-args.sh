#!/proc/boot/test/args
# A script for the taskman tests: test/args checks the arguments it is run with.
