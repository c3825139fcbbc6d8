/* Tilde expansion: ~ is $HOME, ~name is that user's home directory. */
#include <pwd.h>
#include <stdlib.h>

#include "qsh.h"

/* Returns the directory for the tilde prefix, or NULL to leave the word as it was written. */
char *tilde_expand(const char *user)
{
    if (!*user) {
        const char *home = var_get("HOME");
        return home ? xstrdup(home) : NULL;
    }
    struct passwd *pw = getpwnam(user);
    return pw ? xstrdup(pw->pw_dir) : NULL;
}
