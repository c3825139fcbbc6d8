/* The tokenizer's and parser's shared state: one parser per nesting level of $(...). */
#ifndef QSH_PARSE_H
#define QSH_PARSE_H

#include "qsh.h"

enum tok {
    T_WORD,
    T_IO_NUMBER,
    T_NEWLINE,
    T_EOF,
    T_AND_IF,
    T_OR_IF,
    T_DSEMI,
    T_SEMI,
    T_AMP,
    T_PIPE,
    T_LPAREN,
    T_RPAREN,
    T_LESS,
    T_GREAT,
    T_DGREAT,
    T_DLESS,
    T_DLESSDASH,
    T_LESSAND,
    T_GREATAND,
    T_LESSGREAT,
    T_CLOBBER
};

#define MAX_HEREDOCS 32

struct parser {
    struct input *in;
    struct arena *a;
    int have_peek;
    enum tok tok;
    char *text;
    int nested;
    struct redir *heredocs[MAX_HEREDOCS];
    int nheredocs;
};

enum tok lex_peek(struct parser *p);
enum tok lex_next(struct parser *p);
const char *tok_describe(struct parser *p, enum tok t);
struct node *parse_subst_body(struct parser *p);
_Noreturn void syntax_error(struct parser *p, const char *what);

/* Grammar pieces shared by parser.c and compound.c. */
_Noreturn void parse_unexpected(struct parser *p);
int parse_peek_word(struct parser *p, const char *w);
void parse_expect_word(struct parser *p, const char *w);
void parse_skip_newlines(struct parser *p);
struct node *parse_new_node(struct parser *p, enum node_kind k);
char **parse_push_str(struct parser *p, char **v, int *n, const char *s);
struct node *parse_compound_list(struct parser *p, int allow_empty);
struct redir *parse_redir_list(struct parser *p, struct redir *r);
struct node *parse_compound(struct parser *p);

#endif
