/* The file primaries of test(1) (-b -c -d -e -f -g -h -k -L -p -r -s -S -u -w -x -O -G), for the
   test utility and qsh's builtin alike. */
#ifndef QSOE_PROGRAMS_FILETEST_H
#define QSOE_PROGRAMS_FILETEST_H

// Evaluates file primary -op on path: 1 true, 0 false (a missing file is false).
int file_test(char op, const char *path);

#endif
