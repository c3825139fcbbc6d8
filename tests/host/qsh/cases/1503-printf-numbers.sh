printf '%x %X %o %u\n' 255 255 8 17
printf '%d %i\n' -5 0x10
printf '%c%c\n' abc d
