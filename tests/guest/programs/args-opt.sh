#!  /proc/boot/test/args  -x  y  
# A script whose #! line gives its interpreter one argument, blanks inside it kept.
