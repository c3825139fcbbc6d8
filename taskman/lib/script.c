/*
 * The #! line of interpreter scripts (see script.h), read as Linux reads it: after "#!",
 * blanks, the interpreter's path, blanks, and the rest of the line without its trailing blanks
 * as one optional argument. Finding and starting the interpreter is server.c's business.
 */
#include <errno.h>
#include <string.h>
#include <taskman/script.h>

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

// True if the file starts with "#!".
bool script_is(const void *file, size_t size)
{
    const char *s = file;
    return size >= 2 && s[0] == '#' && s[1] == '!';
}

// Splits the #! line of a script into interpreter and optional argument, copied into line.
// Returns 0, or -ENOEXEC if the line has no newline within SCRIPT_LINE_MAX bytes or names no
// interpreter.
int script_parse(const void *file, size_t size, struct script_line *line)
{
    const char *s = file;
    size_t len = 0;
    while (len < size && len < SCRIPT_LINE_MAX && s[len] != '\n')
        len++;
    if (len == SCRIPT_LINE_MAX)
        return -ENOEXEC;
    memcpy(line->buf, s, len);
    line->buf[len] = '\0';
    char *p = line->buf + 2;
    while (is_blank(*p))
        p++;
    if (*p == '\0')
        return -ENOEXEC;
    line->interpreter = p;
    while (*p && !is_blank(*p))
        p++;
    line->arg = NULL;
    if (*p) {
        *p++ = '\0';
        while (is_blank(*p))
            p++;
        char *end = p + strlen(p);
        while (end > p && (is_blank(end[-1]) || end[-1] == '\r'))
            *--end = '\0';
        if (*p)
            line->arg = p;
    }
    return 0;
}
