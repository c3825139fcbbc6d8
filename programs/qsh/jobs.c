/* Jobs: the processes of each pipeline or background command, waiting for them, the
   terminal's foreground process group, and the jobs, fg, bg and wait builtins. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "qsh.h"

#define MAX_JOBS 256

enum job_state { JOB_RUNNING, JOB_STOPPED, JOB_DONE };

struct job {
    int used;
    pid_t pgid;
    pid_t *pids;
    int *status; /* wait status per process, -1 while it runs */
    int n;
    char *text;
    int background;
    enum job_state state;
};

static struct job jobs[MAX_JOBS];
static int current_job = -1;

int wait_status_code(int ws)
{
    if (WIFEXITED(ws))
        return WEXITSTATUS(ws);
    if (WIFSIGNALED(ws))
        return 128 + WTERMSIG(ws);
    if (WIFSTOPPED(ws))
        return 128 + WSTOPSIG(ws);
    return 0;
}

static void job_free(int j)
{
    free(jobs[j].pids);
    free(jobs[j].status);
    free(jobs[j].text);
    memset(&jobs[j], 0, sizeof jobs[j]);
    if (current_job == j)
        current_job = -1;
}

/* Records a started job (pids that failed to start are -1); returns its slot. */
int job_add(pid_t pgid, pid_t *pids, int npids, const char *text, int background)
{
    int j = 0;
    while (j < MAX_JOBS && jobs[j].used)
        j++;
    if (j == MAX_JOBS) {
        /* Full: forget the finished background jobs nobody waited for. */
        jobs_reap(0);
        for (int k = 0; k < MAX_JOBS; k++)
            if (jobs[k].state == JOB_DONE && jobs[k].background)
                job_free(k);
        for (j = 0; j < MAX_JOBS && jobs[j].used; j++)
            ;
        if (j == MAX_JOBS)
            sh_error(2, "too many jobs");
    }
    struct job *jb = &jobs[j];
    jb->used = 1;
    jb->pgid = pgid;
    jb->n = npids;
    jb->pids = xmalloc(sizeof(pid_t) * (size_t)npids);
    jb->status = xmalloc(sizeof(int) * (size_t)npids);
    for (int i = 0; i < npids; i++) {
        jb->pids[i] = pids[i];
        jb->status[i] = pids[i] > 0 ? -1 : (127 << 8);
    }
    jb->text = xstrdup(text);
    jb->background = background;
    jb->state = JOB_RUNNING;
    if (background) {
        current_job = j;
        sh.last_bg = pids[npids - 1];
        if (sh.opts[OPT_INTERACTIVE] && !sh.is_subshell) {
            char msg[64];
            snprintf(msg, sizeof msg, "[%d] %ld\n", j + 1, (long)pids[npids - 1]);
            out_str(2, msg);
        }
    }
    return j;
}

static void job_update(struct job *jb)
{
    int running = 0, stopped = 0;
    for (int i = 0; i < jb->n; i++) {
        if (jb->status[i] == -1)
            running++;
        else if (WIFSTOPPED(jb->status[i]))
            stopped++;
    }
    jb->state = running ? JOB_RUNNING : stopped ? JOB_STOPPED : JOB_DONE;
}

static void record(pid_t pid, int ws)
{
    for (int j = 0; j < MAX_JOBS; j++)
        for (int i = 0; jobs[j].used && i < jobs[j].n; i++)
            if (jobs[j].pids[i] == pid) {
                jobs[j].status[i] = ws;
                job_update(&jobs[j]);
                return;
            }
}

/* A job's status is that of its last process. */
static int job_status(struct job *jb)
{
    int ws = jb->status[jb->n - 1];
    return ws == -1 ? 0 : wait_status_code(ws);
}

void job_give_terminal(pid_t pgid)
{
    if (sh.opts[OPT_MONITOR] && sh.tty_fd >= 0)
        tcsetpgrp(sh.tty_fd, pgid);
}

/* Waits until every process of the job has ended or stopped; returns the last one's status.
   A trapped signal interrupts the wait long enough to run its trap. */
static int wait_job(int j, int for_wait_builtin)
{
    struct job *jb = &jobs[j];
    int flags = sh.opts[OPT_MONITOR] ? WUNTRACED : 0;
    while (jb->state == JOB_RUNNING) {
        for (int i = 0; i < jb->n; i++) {
            if (jb->status[i] != -1)
                continue;
            int ws;
            pid_t r = waitpid(jb->pids[i], &ws, flags);
            if (r < 0 && errno == EINTR) {
                int sig = trap_pending ? trap_run_pending() : 0;
                if (for_wait_builtin && sig)
                    return 128 + sig;
                i--;
                continue;
            }
            if (r > 0 && WIFSTOPPED(ws) && !jb->background && jb->pgid > 0 &&
                (WSTOPSIG(ws) == SIGTTIN || WSTOPSIG(ws) == SIGTTOU)) {
                /* It touched the terminal before the shell handed it over (a spawned
                   process cannot take the terminal itself): it has it now, so go on. */
                kill(-jb->pgid, SIGCONT);
                i--;
                continue;
            }
            jb->status[i] = r < 0 ? 0 : ws;
        }
        job_update(jb);
    }
    return job_status(jb);
}

int job_wait_fg(int j)
{
    struct job *jb = &jobs[j];
    if (jb->pgid > 0)
        job_give_terminal(jb->pgid);
    int status = wait_job(j, 0);
    if (jb->pgid > 0)
        job_give_terminal(sh.pgid);
    if (jb->state == JOB_STOPPED) {
        jb->background = 1;
        current_job = j;
        char *msg = xasprintf("\n[%d] + Stopped %s\n", j + 1, jb->text);
        out_str(2, msg);
        free(msg);
        return status;
    }
    int ws = jb->status[jb->n - 1];
    if (ws != -1 && WIFSIGNALED(ws) && WTERMSIG(ws) == SIGINT && sh.opts[OPT_INTERACTIVE])
        out_str(2, "\n");
    job_free(j);
    return status;
}

/* Collects ended background processes; with report set, tells about finished jobs. */
void jobs_reap(int report)
{
    for (int j = 0; j < MAX_JOBS; j++) {
        struct job *jb = &jobs[j];
        if (!jb->used)
            continue;
        for (int i = 0; i < jb->n; i++) {
            int ws;
            if (jb->status[i] == -1 && waitpid(jb->pids[i], &ws, WNOHANG) > 0)
                record(jb->pids[i], ws);
        }
        if (report && jb->state == JOB_DONE && jb->background && sh.opts[OPT_INTERACTIVE]) {
            char *msg = xasprintf("[%d]   Done %s\n", j + 1, jb->text);
            out_str(2, msg);
            free(msg);
            job_free(j);
        }
    }
}

/* Finds a job from %n, %%, %+, %prefix or a process id; -1 if there is none. */
int job_by_spec(const char *spec)
{
    if (!spec || strcmp(spec, "%%") == 0 || strcmp(spec, "%+") == 0 || strcmp(spec, "%") == 0)
        return current_job >= 0 && jobs[current_job].used ? current_job : -1;
    if (spec[0] == '%') {
        int n = atoi(spec + 1);
        if (n >= 1 && n <= MAX_JOBS && jobs[n - 1].used)
            return n - 1;
        for (int j = 0; j < MAX_JOBS; j++)
            if (jobs[j].used && strncmp(jobs[j].text, spec + 1, strlen(spec + 1)) == 0)
                return j;
        return -1;
    }
    pid_t pid = (pid_t)atol(spec);
    for (int j = 0; j < MAX_JOBS; j++)
        for (int i = 0; jobs[j].used && i < jobs[j].n; i++)
            if (jobs[j].pids[i] == pid)
                return j;
    return -1;
}

pid_t job_pgid(int j)
{
    return jobs[j].pgid > 0 ? jobs[j].pgid : -jobs[j].pids[jobs[j].n - 1];
}

int jobs_builtin(char **argv)
{
    (void)argv;
    jobs_reap(0);
    for (int j = 0; j < MAX_JOBS; j++) {
        struct job *jb = &jobs[j];
        if (!jb->used || !jb->background)
            continue;
        const char *st = jb->state == JOB_RUNNING   ? "Running"
                         : jb->state == JOB_STOPPED ? "Stopped"
                                                    : "Done";
        printf("[%d] %c %-24s %s\n", j + 1, j == current_job ? '+' : ' ', st, jb->text);
        if (jb->state == JOB_DONE)
            job_free(j);
    }
    return 0;
}

/* fg and bg: continue a stopped job, in the foreground (waiting for it) or not. */
static int continue_job(char **argv, int foreground)
{
    int j = job_by_spec(argv[1]);
    if (j < 0)
        sh_error(2, "%s: %s: no such job", argv[0], argv[1] ? argv[1] : "current");
    struct job *jb = &jobs[j];
    printf("%s\n", jb->text);
    fflush(stdout);
    for (int i = 0; i < jb->n; i++)
        if (jb->status[i] != -1 && WIFSTOPPED(jb->status[i]))
            jb->status[i] = -1;
    jb->state = JOB_RUNNING;
    if (jb->pgid > 0)
        kill(-jb->pgid, SIGCONT);
    else
        for (int i = 0; i < jb->n; i++)
            kill(jb->pids[i], SIGCONT);
    if (!foreground)
        return 0;
    jb->background = 0;
    return job_wait_fg(j);
}

int fg_builtin(char **argv)
{
    return continue_job(argv, 1);
}

int bg_builtin(char **argv)
{
    return continue_job(argv, 0);
}

/* wait [pid|%job...]: the status of the last one waited for; 127 for an unknown one. */
int wait_builtin(char **argv)
{
    int status = 0;
    if (!argv[1]) {
        for (int j = 0; j < MAX_JOBS; j++) {
            if (jobs[j].used && jobs[j].background && jobs[j].state != JOB_STOPPED) {
                status = wait_job(j, 1);
                if (jobs[j].state == JOB_RUNNING)
                    return status; /* a trapped signal ended the wait */
                if (jobs[j].state == JOB_DONE)
                    job_free(j);
            }
        }
        return 0;
    }
    for (int i = 1; argv[i]; i++) {
        int j = job_by_spec(argv[i]);
        if (j < 0) {
            status = 127;
            continue;
        }
        status = wait_job(j, 1);
        if (jobs[j].state == JOB_RUNNING)
            return status;
        if (jobs[j].state == JOB_DONE) {
            if (argv[i][0] != '%') {
                pid_t pid = (pid_t)atol(argv[i]);
                for (int k = 0; k < jobs[j].n; k++)
                    if (jobs[j].pids[k] == pid)
                        status = wait_status_code(jobs[j].status[k]);
            }
            job_free(j);
        }
    }
    return status;
}

/* An interactive shell with job control leads its own process group and owns the terminal. */
void job_control_init(void)
{
    sh.tty_fd = fcntl(0, F_DUPFD_CLOEXEC, 10);
    if (sh.tty_fd < 0 || !isatty(sh.tty_fd)) {
        sh.opts[OPT_MONITOR] = 0;
        return;
    }
    sh.pgid = getpid();
    setpgid(0, sh.pgid);
    tcsetpgrp(sh.tty_fd, sh.pgid);
}
