/* Command history for the line editor: the last lines entered, oldest first. */
#include <stdlib.h>
#include <string.h>

#include "qsh.h"

#define HISTORY_MAX 500

static char *lines[HISTORY_MAX];
static int count;

/* Remembers a line (without its newline), skipping blank lines and repeats of the last one. */
void history_add(const char *line)
{
    size_t n = strcspn(line, "\n");
    if (n == 0 || strspn(line, " \t") >= n)
        return;
    if (count > 0 && strncmp(lines[count - 1], line, n) == 0 && lines[count - 1][n] == 0)
        return;
    if (count == HISTORY_MAX) {
        free(lines[0]);
        memmove(lines, lines + 1, sizeof lines[0] * (HISTORY_MAX - 1));
        count--;
    }
    lines[count++] = xstrndup(line, n);
}

int history_count(void)
{
    return count;
}

const char *history_get(int i)
{
    return i >= 0 && i < count ? lines[i] : NULL;
}
