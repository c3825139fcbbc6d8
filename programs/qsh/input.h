/* Character-level access to shell input for the lexer: reading, pushing back, alias text,
   and capturing the raw text of nested constructs such as $(...). */
#ifndef QSH_INPUT_H
#define QSH_INPUT_H

#include "qsh.h"

int in_getc(struct input *in);
void in_ungetc(struct input *in, int c);
void in_push_text(struct input *in, const char *text, const char *alias_name);
int in_alias_active(struct input *in, const char *name);
void in_set_prompt(struct input *in, int level);
void in_capture_begin(struct strbuf *sb);
void in_capture_end(void);

#endif
