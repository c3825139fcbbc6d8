/*
 * libc's scanf.c built as qsoe_sscanf and friends for the host test: glibc's <stdio.h> is read
 * first with its own names, then libc's definitions are renamed as they are compiled.
 */
#include <stdio.h>

#define sscanf  qsoe_sscanf
#define vsscanf qsoe_vsscanf
#define fscanf  qsoe_fscanf
#define vfscanf qsoe_vfscanf
#define scanf   qsoe_scanf

#include "../../../lib/c/src/scanf.c"
