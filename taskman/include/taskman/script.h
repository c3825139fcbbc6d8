/*
 * Interpreter scripts: a boot-image file that starts with "#!interpreter [arg]" is run by
 * spawning the interpreter with the script's path among its arguments.
 */
#ifndef TASKMAN_SCRIPT_H
#define TASKMAN_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

#define SCRIPT_LINE_MAX 128 /* bytes of the #! line, "#!" and the newline included */

struct script_line {
    char buf[SCRIPT_LINE_MAX];
    const char *interpreter;
    const char *arg; /* NULL if the line names none */
};

bool script_is(const void *file, size_t size);
int script_parse(const void *file, size_t size, struct script_line *line);

#endif
