/*
 * xargs's input reading (input.c): the items standard input holds, in the three ways xargs
 * splits it, and -I's substitution.
 */
#ifndef XARGS_H
#define XARGS_H

// The next blank-separated item, with quotes and backslashes removed; NULL at the end.
// *line_end says whether a newline ended it (a blank before the newline continues the line,
// as -L counts lines).
char *xargs_next_word(int *line_end);

// The next line without its newline and leading blanks, for -I; NULL at the end.
char *xargs_next_line(void);

// The next NUL-terminated item, for -0; NULL at the end.
char *xargs_next_nul(void);

// Whether the input had an unmatched quote (reported already).
int xargs_input_error(void);

// arg with every occurrence of replace replaced by item, in new memory.
char *xargs_substitute(const char *arg, const char *replace, const char *item);

#endif
