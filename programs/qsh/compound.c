/* Parsing of the compound commands: { } ( ) if while until for case, each with its
   redirections. */
#include <string.h>

#include "parse.h"

/* After 'if': condition, then-part, and elif (as a nested if) or else. */
static struct node *if_clause(struct parser *p)
{
    struct node *n = parse_new_node(p, N_IF);
    n->left = parse_compound_list(p, 0);
    parse_expect_word(p, "then");
    n->right = parse_compound_list(p, 0);
    if (parse_peek_word(p, "elif")) {
        lex_next(p);
        n->third = if_clause(p);
        return n;
    }
    if (parse_peek_word(p, "else")) {
        lex_next(p);
        n->third = parse_compound_list(p, 0);
    }
    parse_expect_word(p, "fi");
    return n;
}

static struct node *do_group(struct parser *p)
{
    parse_expect_word(p, "do");
    struct node *body = parse_compound_list(p, 0);
    parse_expect_word(p, "done");
    return body;
}

/* After 'for': the name, the optional 'in' word list, and the body. */
static struct node *for_clause(struct parser *p)
{
    struct node *n = parse_new_node(p, N_FOR);
    if (lex_next(p) != T_WORD || !is_name(p->text))
        syntax_error(p, "bad for loop variable");
    n->name = p->text;
    parse_skip_newlines(p);
    if (parse_peek_word(p, "in")) {
        lex_next(p);
        n->has_in = 1;
        while (lex_peek(p) == T_WORD) {
            n->items = parse_push_str(p, n->items, &n->nitems, p->text);
            lex_next(p);
        }
        if (lex_peek(p) != T_SEMI && lex_peek(p) != T_NEWLINE)
            parse_unexpected(p);
        lex_next(p);
    } else if (lex_peek(p) == T_SEMI) {
        lex_next(p);
    }
    parse_skip_newlines(p);
    n->right = do_group(p);
    return n;
}

/* After 'case': the word, then items "[(] pattern [| pattern]... ) list ;;" up to esac. */
static struct node *case_clause(struct parser *p)
{
    struct node *n = parse_new_node(p, N_CASE);
    if (lex_next(p) != T_WORD)
        syntax_error(p, "expected a word after case");
    n->name = p->text;
    parse_skip_newlines(p);
    parse_expect_word(p, "in");
    struct case_item **tail = &n->cases;
    for (;;) {
        parse_skip_newlines(p);
        if (parse_peek_word(p, "esac"))
            break;
        struct case_item *ci = amalloc(p->a, sizeof *ci);
        if (lex_peek(p) == T_LPAREN)
            lex_next(p);
        for (;;) {
            if (lex_next(p) != T_WORD)
                syntax_error(p, "bad case pattern");
            ci->patterns = parse_push_str(p, ci->patterns, &ci->npatterns, p->text);
            enum tok t = lex_next(p);
            if (t == T_RPAREN)
                break;
            if (t != T_PIPE)
                syntax_error(p, "expected \")\" after case pattern");
        }
        ci->body = parse_compound_list(p, 1);
        *tail = ci;
        tail = &ci->next;
        if (lex_peek(p) == T_DSEMI) {
            lex_next(p);
            continue;
        }
        parse_skip_newlines(p);
        if (!parse_peek_word(p, "esac"))
            parse_unexpected(p);
    }
    lex_next(p);
    return n;
}

/* A compound command with its redirections, or NULL if the next token does not start one. */
struct node *parse_compound(struct parser *p)
{
    struct node *n;
    enum tok t = lex_peek(p);
    if (t == T_LPAREN) {
        lex_next(p);
        n = parse_new_node(p, N_SUBSHELL);
        n->left = parse_compound_list(p, 0);
        if (lex_next(p) != T_RPAREN)
            syntax_error(p, "expected \")\"");
    } else if (t != T_WORD) {
        return NULL;
    } else if (strcmp(p->text, "{") == 0) {
        lex_next(p);
        n = parse_new_node(p, N_GROUP);
        n->left = parse_compound_list(p, 0);
        parse_expect_word(p, "}");
    } else if (strcmp(p->text, "if") == 0) {
        lex_next(p);
        n = if_clause(p);
    } else if (strcmp(p->text, "while") == 0 || strcmp(p->text, "until") == 0) {
        int is_while = p->text[0] == 'w';
        lex_next(p);
        n = parse_new_node(p, is_while ? N_WHILE : N_UNTIL);
        n->left = parse_compound_list(p, 0);
        n->right = do_group(p);
    } else if (strcmp(p->text, "for") == 0) {
        lex_next(p);
        n = for_clause(p);
    } else if (strcmp(p->text, "case") == 0) {
        lex_next(p);
        n = case_clause(p);
    } else {
        return NULL;
    }
    n->redirs = parse_redir_list(p, n->redirs);
    return n;
}
