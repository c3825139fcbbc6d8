/* The builtin commands, grouped by theme across the bi_*.c files. */
#ifndef QSH_BUILTINS_H
#define QSH_BUILTINS_H

#include "qsh.h"

int bi_true(char **argv);
int bi_false(char **argv);
int bi_exit(char **argv);
int bi_return(char **argv);
int bi_break(char **argv);
int bi_continue(char **argv);
int bi_eval(char **argv);
int bi_dot(char **argv);
int bi_exec(char **argv);
int bi_shift(char **argv);

int bi_set(char **argv);
int bi_export(char **argv);
int bi_readonly(char **argv);
int bi_unset(char **argv);
int bi_local(char **argv);
int bi_alias(char **argv);
int bi_unalias(char **argv);

int bi_echo(char **argv);
int bi_printf(char **argv);
int bi_read(char **argv);
int bi_getopts(char **argv);
int bi_test(char **argv);

int bi_cd(char **argv);
int bi_pwd(char **argv);
int bi_umask(char **argv);

int bi_type(char **argv);
int bi_command(char **argv);
int bi_kill(char **argv);

/* Parses a non-negative decimal argument of a builtin, or ends it with an error. */
int bi_number(const char *cmd, const char *s);

#endif
