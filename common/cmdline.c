/*
 * The kernel command line is words separated by spaces; those of the form key=value are
 * settings. Shared by the kernel (init=) and taskman (run=).
 */
#include <string.h>

#include <qsoe/cmdline.h>

const char *cmdline_value(const char *cmdline, const char *key, char *buf, size_t size,
                          const char *fallback)
{
    size_t klen = strlen(key);
    for (const char *s = cmdline; s && *s;) {
        while (*s == ' ')
            s++;
        if (strncmp(s, key, klen) == 0 && s[klen] == '=') {
            s += klen + 1;
            size_t n = 0;
            while (s[n] && s[n] != ' ' && n + 1 < size)
                n++;
            memcpy(buf, s, n);
            buf[n] = '\0';
            return buf;
        }
        while (*s && *s != ' ')
            s++;
    }
    return fallback;
}
