/* Field splitting with IFS: splits the unquoted results of expansions, keeps quoted empty
   strings as fields, and passes fields with unquoted pattern characters to pathname expansion. */
#include <stdlib.h>
#include <string.h>

#include "qsh.h"

struct field {
    struct strbuf text, pat;
    int keep, magic; /* magic: an unquoted *, ? or [ (a pattern, if pattern_has_magic agrees) */
};

/* Ends the current field: keeps it if it has text or was quoted (or force), expanding
   patterns in it when pathname expansion is on. */
static void emit(struct field *f, struct strvec *out, int glob, int force)
{
    if (f->text.len || f->keep || force) {
        if (!(glob && f->magic && pattern_has_magic(f->pat.s) && glob_expand(f->pat.s, out) > 0))
            sv_push(out, sb_take(&f->text));
    }
    sb_free(&f->text);
    sb_free(&f->pat);
    f->keep = f->magic = 0;
}

static int is_ifs_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

/* Splits expanded text into fields at unquoted IFS characters from expansions: IFS white
   space runs separate, each other IFS character delimits one field. */
void split_fields(struct xbuf *x, struct strvec *out, int glob)
{
    const char *ifs = var_get("IFS");
    if (!ifs)
        ifs = " \t\n";
    struct field f = {0};
    for (size_t i = 0; i < x->len; i++) {
        char c = x->s[i];
        unsigned char a = x->a[i];
        if (a & A_BREAK) {
            emit(&f, out, glob, 0);
            continue;
        }
        if (a & A_MARK) {
            f.keep = 1;
            continue;
        }
        if ((a & A_SPLIT) && c && strchr(ifs, c)) {
            if (is_ifs_space(c)) {
                size_t j = i;
                while (j < x->len && (x->a[j] & A_SPLIT) && is_ifs_space(x->s[j]) &&
                       strchr(ifs, x->s[j]))
                    j++;
                if (!(j < x->len && (x->a[j] & A_SPLIT) && x->s[j] && strchr(ifs, x->s[j]))) {
                    emit(&f, out, glob, 0);
                    i = j - 1;
                    continue;
                }
                i = j;
            }
            emit(&f, out, glob, 1);
            while (i + 1 < x->len && (x->a[i + 1] & A_SPLIT) && is_ifs_space(x->s[i + 1]) &&
                   strchr(ifs, x->s[i + 1]))
                i++;
            continue;
        }
        sb_addc(&f.text, c);
        if ((a & A_QUOTED) && strchr("*?[]\\", c))
            sb_addc(&f.pat, '\\');
        else if (strchr("*?[", c))
            f.magic = 1;
        sb_addc(&f.pat, c);
    }
    emit(&f, out, glob, 0);
}
