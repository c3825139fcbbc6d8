/*
 * Process creation (see spawn.h). A program in the boot image is loaded at once from taskman's
 * own memory. One that a server holds is read by the kernel's reader (reader.h: a loader
 * thread on QSOE/N, a reader process on QSOE/L): the request is copied into a job, the reader
 * opens and reads the file like any client, and the loop gets the bytes back
 * (spawn_read_done); only then is the process built and the spawner answered.
 * A #! script is run by its interpreter, found the same two ways (one level of scripts only).
 */
#include <errno.h>
#include <proto/taskman.h>
#include <qsoe/cpio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <taskman/loader.h>
#include <taskman/pathmgr.h>
#include <taskman/proctab.h>
#include <taskman/reader.h>
#include <taskman/script.h>
#include <taskman/spawn.h>

#define MAX_ARGS 1024

/* A spawn, kept while a reader reads its program file. */
struct job {
    int rcvid; /* the spawner, blocked in TM_SPAWN */
    int parent;
    bool io, setpgroup, pass_fds, resetids;
    int pgroup;       /* with setpgroup: the group to join, 0 for a new one */
    int depth;        /* 0: the program itself; 1: the interpreter of a script */
    char *msg;        /* a copy of the request, which argv, envp and from point into */
    char *path;       /* the file to read (owned) */
    const char *name; /* the process's name: the spawner's argv[0], or the path asked for */
    char **argv;      /* owned arrays */
    char **envp;
    struct loader_inherit from;
    int euid, egid;
    char *kept[2]; /* owned strings a script's #! line brought: its argument, the script's path */
    void *image;   /* the program file a reader brought, while it is run */
};

static const struct taskman_boot *boot;

void spawn_init(const struct taskman_boot *b, int chid)
{
    boot = b;
    reader_init(chid);
}

// Finds a program in the boot image: "/proc/boot/x", "/x" and "x" all name boot file x.
static int find_boot_program(const char *path, struct cpio_entry *e)
{
    if (strncmp(path, "/proc/boot/", 11) == 0)
        path += 11;
    return cpio_find(boot->image, boot->image_size, path, e);
}

// Builds the process from an ELF image and enters it in the table; the pid or a negated errno.
static int build(const void *image, size_t size, const char *name, char *const argv[],
                 char *const envp[], int parent, bool io, const struct loader_inherit *from)
{
    uintptr_t image_end;
    int pid = loader_spawn(image, size, name, argv, envp, (io ? _NTO_PF_IO : 0) | LOADER_STDIO,
                           from, &image_end);
    if (pid < 0)
        return pid;
    struct tm_proc *p = proctab_add(pid, parent, name);
    if (!p) {
        ProcDestroy(pid, 0x10000 | 9);
        return -EAGAIN;
    }
    p->io = io;
    p->brk_base = p->brk = image_end;
    return pid;
}

// Notes the program file pid runs, made absolute ("x" in the boot image is /proc/boot/x).
static void note_exe(int pid, const char *path)
{
    struct tm_proc *p = proctab_find(pid);
    if (p)
        snprintf(p->exe, sizeof(p->exe), "%s%s", path[0] == '/' ? "" : "/proc/boot/", path);
}

// The arguments for running a script: {interpreter, [arg,] path, argv[1..]} in a new array;
// NULL if there would be too many or memory ran out.
static char **script_args(const char *interpreter, const char *arg, const char *path,
                          char *const argv[])
{
    size_t n = 0;
    while (argv && argv[0] && argv[n])
        n++;
    if (n + 3 > MAX_ARGS)
        return NULL;
    char **args = malloc((n + 4) * sizeof(char *));
    if (!args)
        return NULL;
    size_t k = 0;
    args[k++] = (char *)interpreter;
    if (arg)
        args[k++] = (char *)arg;
    args[k++] = (char *)path;
    for (size_t i = 1; i < n; i++)
        args[k++] = argv[i];
    args[k] = NULL;
    return args;
}

int spawn_boot_program(const char *path, char *const argv[], char *const envp[], int parent,
                       bool io)
{
    struct cpio_entry e;
    if (find_boot_program(path, &e) < 0)
        return -ENOENT;
    int pid = build(e.data, e.size, argv && argv[0] ? argv[0] : path, argv, envp, parent, io, NULL);
    if (pid > 0)
        note_exe(pid, path);
    return pid;
}

// Splits a spawn request into its descriptor records and strings, with argv and envp (each
// room for MAX_ARGS + 1) pointing into it; false if they do not add up.
static bool unpack(char *msg, size_t got, const char **path, char **argv, char **envp,
                   struct loader_inherit *from)
{
    const struct tm_spawn *s = (const struct tm_spawn *)msg;
    size_t fdbytes = (size_t)s->nfds * sizeof(struct tm_spawn_fd);
    if (got < sizeof(*s) || s->datalen != got - sizeof(*s) || s->argc >= MAX_ARGS ||
        s->envc >= MAX_ARGS || s->nfds > TM_SPAWN_MAX_FDS || s->datalen <= fdbytes ||
        msg[got - 1] != '\0')
        return false;
    from->fds = (const struct tm_spawn_fd *)(msg + sizeof(*s));
    from->nfds = s->nfds;
    from->umask = s->umask & 0777;
    from->sigignore = s->sigignore;
    from->sigmask = s->sigmask;
    char *p = msg + sizeof(*s) + fdbytes, *end = msg + got;
    *path = p;
    p += strlen(p) + 1;
    for (uint32_t i = 0; i < s->argc + s->envc + 1; i++) {
        if (p >= end)
            return false;
        if (i < s->argc)
            argv[i] = p;
        else if (i < s->argc + s->envc)
            envp[i - s->argc] = p;
        else
            from->cwd = p;
        p += strlen(p) + 1;
    }
    argv[s->argc] = NULL;
    envp[s->envc] = NULL;
    return p == end && from->cwd[0] == '/';
}

static void free_job(struct job *j)
{
    free(j->msg);
    free(j->path);
    free(j->argv);
    free(j->envp);
    free(j->kept[0]);
    free(j->kept[1]);
    free(j->image);
    free(j);
}

// Answers the spawner with result (a pid, or a negated errno) if it is still waiting for this
// spawn (a thread that a signal took out of the call may be in another request by now), and
// frees the job.
static void finish(struct job *j, int result)
{
    struct tm_proc *child = result > 0 ? proctab_find(result) : NULL;
    if (child && j->setpgroup)
        child->pgid = j->pgroup ? j->pgroup : result;
    if (child && j->resetids) { /* POSIX_SPAWN_RESETIDS: effective (and saved) ids are real */
        child->euid = child->suid = child->ruid;
        child->egid = child->sgid = child->rgid;
    }
    uint16_t type = 0;
    if (MsgRead(j->rcvid, &type, sizeof(type), 0) != sizeof(type) || type != TM_SPAWN) {
        /* nobody to tell: the child, if any, runs on as the spawner's */
    } else if (result < 0) {
        MsgError(j->rcvid, -result);
    } else {
        MsgReply(j->rcvid, result, NULL, 0);
    }
    free_job(j);
}

// Whether a program at path must come from a server other than taskman.
static bool held_elsewhere(const char *path)
{
    struct path_resolved where;
    return path[0] == '/' && pathmgr_resolve(path, &where) == 0 && where.pid != TASKMAN_PID;
}

#define RUN_INTERPRETER 1 /* run_image: the job now names a script's interpreter */

// Runs the program file image: an ELF is built into the process (its pid comes back); a
// script makes the job name its interpreter instead (RUN_INTERPRETER). Else a negated errno.
static int run_image(struct job *j, const void *image, size_t size)
{
    if (!script_is(image, size)) {
        int pid = build(image, size, j->name, j->argv, j->envp, j->parent, j->io,
                        j->pass_fds ? &j->from : NULL);
        if (pid > 0)
            note_exe(pid, j->path);
        return pid;
    }
    static struct script_line line;
    if (j->depth > 0)
        return -ENOEXEC; /* an interpreter that is itself a script */
    int err = script_parse(image, size, &line);
    if (err)
        return err;
    char *interpreter = strdup(line.interpreter);
    char *arg = line.arg ? strdup(line.arg) : NULL;
    char **args = interpreter ? script_args(interpreter, arg, j->path, j->argv) : NULL;
    if (!args || (line.arg && !arg)) {
        free(interpreter);
        free(arg);
        free(args);
        return -E2BIG;
    }
    free(j->argv);
    j->argv = args;
    j->kept[0] = arg;
    j->kept[1] = j->path; /* the script's path, now one of the arguments */
    j->path = interpreter;
    j->depth++;
    return RUN_INTERPRETER;
}

// Finds j's program: from the boot image at once, or through a reader (then spawn_read_done
// goes on). Finishes the job unless a reader has it.
static void proceed(struct job *j)
{
    for (;;) {
        if (held_elsewhere(j->path)) {
            int err = reader_start(j, j->path, j->euid, j->egid);
            if (err)
                finish(j, err);
            return;
        }
        struct cpio_entry e;
        int r = find_boot_program(j->path, &e) < 0 ? -ENOENT : run_image(j, e.data, e.size);
        if (r != RUN_INTERPRETER) {
            finish(j, r);
            return;
        }
    }
}

// Whether some process (a zombie not yet waited for counts, as in POSIX) is in group pgid.
static bool group_exists(int pgid)
{
    for (struct tm_proc *p = proctab_next(NULL); p; p = proctab_next(p))
        if (p->pgid == pgid)
            return true;
    return false;
}

void spawn_request(int rcvid, const struct _msg_info *info, const void *msg, size_t got)
{
    const struct tm_spawn *s = msg;
    if (info->srcmsglen > (int32_t)(sizeof(struct tm_spawn) + TM_SPAWN_MAX)) {
        MsgError(rcvid, E2BIG);
        return;
    }
    struct tm_proc *parent = proctab_find(info->pid);
    bool io = got >= sizeof(*s) && (s->flags & TM_SPAWN_IO);
    if (io && (!parent || !parent->io)) {
        MsgError(rcvid, EPERM);
        return;
    }
    struct job *j = calloc(1, sizeof(*j));
    const char *path;
    if (!j || !(j->msg = malloc(got)) || !(j->argv = malloc((MAX_ARGS + 1) * sizeof(char *))) ||
        !(j->envp = malloc((MAX_ARGS + 1) * sizeof(char *)))) {
        if (j)
            free_job(j);
        MsgError(rcvid, ENOMEM);
        return;
    }
    memcpy(j->msg, msg, got);
    if (!unpack(j->msg, got, &path, j->argv, j->envp, &j->from) || !(j->path = strdup(path))) {
        free_job(j);
        MsgError(rcvid, EINVAL);
        return;
    }
    j->rcvid = rcvid;
    j->parent = j->from.parent = info->pid;
    j->io = io;
    j->setpgroup = (s->flags & TM_SPAWN_SETPGROUP) != 0;
    j->pgroup = s->pgroup;
    if (j->setpgroup && j->pgroup && !group_exists(j->pgroup)) {
        free_job(j);
        MsgError(rcvid, EPERM); /* POSIX: a group the child cannot join */
        return;
    }
    j->pass_fds = (s->flags & TM_SPAWN_FDS) != 0;
    j->resetids = (s->flags & TM_SPAWN_RESETIDS) != 0;
    j->euid = parent ? parent->euid : 0;
    j->egid = parent ? parent->egid : 0;
    j->name = j->argv[0] ? j->argv[0] : path; /* path: in j->msg, which lives with the job */
    proceed(j);
}

void spawn_read_done(void *job, void *image, size_t size, int err)
{
    struct job *j = job;
    if (err) {
        free(image);
        finish(j, -err);
        return;
    }
    j->image = image;
    int r = run_image(j, image, size);
    free(j->image);
    j->image = NULL;
    if (r == RUN_INTERPRETER)
        proceed(j);
    else
        finish(j, r);
}
