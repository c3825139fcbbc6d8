/* Redirections: opens what a command's redirections name (in the shell, so errors are exact)
   into a plan of "descriptor n becomes that" steps, which is either applied to the shell itself
   (builtins, compound commands; undone afterwards) or turned into posix_spawn file actions. */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qsh.h"

/* Here-documents up to this size go through a pipe; larger ones through an unlinked file. */
#define HEREDOC_PIPE_MAX 4096

struct redir_op {
    int fd;
    int src;   /* descriptor to duplicate onto fd, or -1 to close fd */
    int owned; /* src was opened for this plan and is closed with it */
};

struct redir_plan {
    struct redir_op *ops;
    int n;
};

struct saved_fd {
    int fd, copy;
};
static struct saved_fd *saved;
static int nsaved, capsaved;

/* Moves a descriptor the shell keeps for itself out of the range scripts use (0-9). */
int fd_move_high(int fd)
{
    if (fd < 0)
        return fd;
    int nfd = fcntl(fd, F_DUPFD_CLOEXEC, 10);
    close(fd);
    return nfd;
}

/* A descriptor from which the here-document's (expanded) text can be read. */
static int heredoc_fd(struct redir *r)
{
    char *text = r->body_quoted ? xstrdup(r->body) : expand_heredoc(r->body);
    size_t len = strlen(text);
    int fd = -1;
    if (len <= HEREDOC_PIPE_MAX) {
        int p[2];
        if (pipe(p) == 0) {
            out_str(p[1], text);
            close(p[1]);
            fd = p[0];
        }
    } else {
        const char *dir = var_get("TMPDIR");
        char *path = xasprintf("%s/qsh-heredoc-%ld-%p", dir && *dir ? dir : "/tmp", (long)getpid(),
                               (void *)r);
        int w = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
        if (w >= 0) {
            out_str(w, text);
            close(w);
            fd = open(path, O_RDONLY);
            unlink(path);
        }
        free(path);
    }
    free(text);
    return fd_move_high(fd);
}

/* Opens the file of <, >, >>, >| or <>, honouring set -C for >. */
static int open_target(struct redir *r, const char *path)
{
    int flags;
    switch (r->kind) {
    case R_IN:
        flags = O_RDONLY;
        break;
    case R_RDWR:
        flags = O_RDWR | O_CREAT;
        break;
    case R_APPEND:
        flags = O_WRONLY | O_CREAT | O_APPEND;
        break;
    default:
        flags = O_WRONLY | O_CREAT | O_TRUNC;
        break;
    }
    if (r->kind == R_OUT && sh.opts[OPT_NOCLOBBER]) {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            errno = EEXIST;
            return -1;
        }
    }
    return fd_move_high(open(path, flags | O_CLOEXEC, 0666));
}

/* Whether an earlier step of the plan sets descriptor fd (so 3>f 1>&3 is valid). */
static int plan_targets(struct redir_plan *p, int fd)
{
    for (int i = 0; i < p->n; i++)
        if (p->ops[i].fd == fd)
            return 1;
    return 0;
}

/* Opens everything the redirections name. On failure reports it, sets *failed and returns
   NULL; expansion errors in the words abandon the command as usual. */
struct redir_plan *redir_plan_build(struct redir *r, int *failed)
{
    struct redir_plan *p = xmalloc(sizeof *p);
    p->ops = NULL;
    p->n = 0;
    *failed = 0;
    for (; r; r = r->next) {
        struct redir_op op = {r->fd, -1, 0};
        if (r->kind == R_HEREDOC) {
            op.src = heredoc_fd(r);
            op.owned = 1;
        } else {
            char *w = expand_string(r->word, EXP_STRING);
            if (r->kind == R_DUPIN || r->kind == R_DUPOUT) {
                if (strcmp(w, "-") == 0) {
                    op.src = -1;
                } else if (*w && strspn(w, "0123456789") == strlen(w)) {
                    op.src = atoi(w);
                    if (!plan_targets(p, op.src) && fcntl(op.src, F_GETFD) < 0) {
                        sh_warn("%s: Bad file descriptor", w);
                        *failed = 1;
                    }
                } else {
                    sh_warn("%s: Bad file descriptor", w);
                    *failed = 1;
                }
            } else {
                op.src = open_target(r, w);
                op.owned = 1;
                if (op.src < 0) {
                    sh_warn("cannot %s %s: %s", r->kind == R_IN ? "open" : "create", w,
                            errno == ENOENT
                                ? (r->kind == R_IN ? "No such file" : "Directory nonexistent")
                                : strerror(errno));
                    *failed = 1;
                }
            }
            free(w);
        }
        if (*failed) {
            redir_plan_free(p);
            return NULL;
        }
        p->ops = xrealloc(p->ops, sizeof *p->ops * (size_t)(p->n + 1));
        p->ops[p->n++] = op;
    }
    return p;
}

void redir_plan_free(struct redir_plan *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->n; i++)
        if (p->ops[i].owned && p->ops[i].src >= 0)
            close(p->ops[i].src);
    free(p->ops);
    free(p);
}

static void save_fd(int fd)
{
    if (nsaved == capsaved) {
        capsaved = capsaved ? capsaved * 2 : 16;
        saved = xrealloc(saved, sizeof *saved * (size_t)capsaved);
    }
    saved[nsaved].fd = fd;
    saved[nsaved].copy = fcntl(fd, F_DUPFD_CLOEXEC, 10);
    nsaved++;
}

/* Applies the plan to the shell's own descriptors, saving them first unless permanent. */
void redir_apply(struct redir_plan *p, int permanent)
{
    if (!p)
        return;
    for (int i = 0; i < p->n; i++) {
        struct redir_op *op = &p->ops[i];
        if (!permanent)
            save_fd(op->fd);
        if (op->src < 0)
            close(op->fd);
        else if (op->src != op->fd && dup2(op->src, op->fd) < 0)
            sh_warn("%d: %s", op->fd, strerror(errno));
    }
}

int redir_mark(void)
{
    return nsaved;
}

/* Puts back the descriptors saved since mark, newest first. */
void redir_unwind(int mark)
{
    while (nsaved > mark) {
        struct saved_fd *s = &saved[--nsaved];
        if (s->copy >= 0) {
            dup2(s->copy, s->fd);
            close(s->copy);
        } else {
            close(s->fd);
        }
    }
}

/* Turns the plan into posix_spawn file actions for a child. */
void redir_plan_actions(struct redir_plan *p, void *file_actions)
{
    posix_spawn_file_actions_t *fa = file_actions;
    if (!p)
        return;
    for (int i = 0; i < p->n; i++) {
        if (p->ops[i].src < 0)
            posix_spawn_file_actions_addclose(fa, p->ops[i].fd);
        else
            posix_spawn_file_actions_adddup2(fa, p->ops[i].src, p->ops[i].fd);
    }
}
