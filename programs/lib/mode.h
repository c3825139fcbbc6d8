/*
 * File modes: the ten-character form ls -l shows, and chmod's octal and symbolic forms
 * (u+x,go-w,a=r ...). Not umask handling beyond what POSIX's symbolic grammar asks.
 */
#ifndef MODE_H
#define MODE_H

#include <sys/types.h>

// Writes "drwxr-xr-x" for mode into out (11 bytes with the terminator).
void mode_string(mode_t mode, char out[11]);

// Applies spec to old (is_dir for X, mask is the umask for clauses with no "who");
// 0 with the result in *out, -1 if spec is not a valid mode.
int mode_apply(const char *spec, mode_t old, int is_dir, mode_t mask, mode_t *out);

#endif
