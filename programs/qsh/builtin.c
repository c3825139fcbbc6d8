/* The table of builtins: which name runs which function, and which are POSIX special
   builtins (their assignments persist, their errors end a non-interactive shell). */
#include <string.h>

#include "builtins.h"

static const struct builtin builtins[] = {
    {".", bi_dot, 1},         {":", bi_true, 1},          {"[", bi_test, 0},
    {"alias", bi_alias, 0},   {"bg", bg_builtin, 0},      {"break", bi_break, 1},
    {"cd", bi_cd, 0},         {"command", bi_command, 0}, {"continue", bi_continue, 1},
    {"echo", bi_echo, 0},     {"eval", bi_eval, 1},       {"exec", bi_exec, 1},
    {"exit", bi_exit, 1},     {"export", bi_export, 1},   {"false", bi_false, 0},
    {"fg", fg_builtin, 0},    {"getopts", bi_getopts, 0}, {"jobs", jobs_builtin, 0},
    {"kill", bi_kill, 0},     {"local", bi_local, 1},     {"printf", bi_printf, 0},
    {"pwd", bi_pwd, 0},       {"read", bi_read, 0},       {"readonly", bi_readonly, 1},
    {"return", bi_return, 1}, {"set", bi_set, 1},         {"shift", bi_shift, 1},
    {"test", bi_test, 0},     {"trap", trap_builtin, 1},  {"true", bi_true, 0},
    {"type", bi_type, 0},     {"umask", bi_umask, 0},     {"unalias", bi_unalias, 0},
    {"unset", bi_unset, 1},   {"wait", wait_builtin, 0},
};

const struct builtin *builtin_find(const char *name)
{
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        if (strcmp(builtins[i].name, name) == 0)
            return &builtins[i];
    return NULL;
}

/* The i-th builtin's name, or NULL past the end (for completion). */
const char *builtin_name(int i)
{
    return i >= 0 && (size_t)i < sizeof builtins / sizeof builtins[0] ? builtins[i].name : NULL;
}
