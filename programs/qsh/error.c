/* Shell errors: a message on standard error naming the shell, and a jump back to the command
   loop (or to the builtin that asked to catch it), unwinding redirections on the way. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "qsh.h"

struct err_frame *err_top;

void err_push(struct err_frame *f)
{
    f->prev = err_top;
    f->redir_mark = redir_mark();
    f->aborted = 0;
    err_top = f;
}

void err_pop(struct err_frame *f)
{
    err_top = f->prev;
}

static void vwarn(const char *fmt, va_list ap)
{
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    char *line = xasprintf("qsh: %s\n", msg);
    fflush(stdout);
    out_str(2, line);
    free(line);
}

void sh_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vwarn(fmt, ap);
    va_end(ap);
}

/* Reports an error and abandons the current command with the given status. Without a frame
   (a non-interactive shell at top level) the shell exits. */
void sh_error(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vwarn(fmt, ap);
    va_end(ap);
    sh.status = status;
    if (!err_top)
        sh_exit(status);
    redir_unwind(err_top->redir_mark);
    longjmp(err_top->jb, 1);
}

/* Abandons the current command line without a message (an interactive ^C). */
void sh_abort(int status)
{
    sh.status = status;
    if (!err_top)
        sh_exit(status);
    err_top->aborted = 1;
    redir_unwind(err_top->redir_mark);
    longjmp(err_top->jb, 1);
}
