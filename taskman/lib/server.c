/*
 * The taskman server loop: it hands spawns to spawn.c and the name space to pathmgr.c and
 * nodes.c, and serves waitpid with zombies and orphans adopted by init, kill, memory and
 * credentials itself. Deaths arrive as TM_DEATH messages from the
 * per-kernel reaper, so this loop never blocks on anything but MsgReceive.
 */
#include <errno.h>
#include <proto/taskman.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/neutrino.h>
#include <taskman/loader.h>
#include <taskman/nodes.h>
#include <taskman/pathmgr.h>
#include <taskman/procfs.h>
#include <taskman/proctab.h>
#include <taskman/reader.h>
#include <taskman/server.h>
#include <taskman/spawn.h>

#define MAX_WAITERS 64

struct waiter {
    int rcvid;  /* 0 when free */
    int parent; /* pid of the waiting process */
    int pid;    /* child waited for, -1 for any */
};

static struct waiter waiters[MAX_WAITERS];
static int init_pid;

static union {
    struct tm_header hdr;
    struct tm_spawn spawn;
    struct tm_wait wait;
    struct tm_death death;
    char bytes[sizeof(struct tm_spawn) + TM_SPAWN_MAX];
} msg;

static bool has_child(int parent, int pid)
{
    for (struct tm_proc *p = proctab_next(NULL); p; p = proctab_next(p))
        if (p->ppid == parent && (pid == -1 || p->pid == pid))
            return true;
    return false;
}

static struct tm_proc *zombie_child(int parent, int pid)
{
    for (struct tm_proc *p = proctab_next(NULL); p; p = proctab_next(p))
        if (p->ppid == parent && p->zombie && (pid == -1 || p->pid == pid))
            return p;
    return NULL;
}

static void reply_wait(int rcvid, struct tm_proc *z)
{
    struct tm_wait_reply r = {z ? z->pid : 0, z ? z->wstatus : 0};
    MsgReply(rcvid, 0, &r, sizeof(r));
    if (z)
        proctab_remove(z);
}

static void handle_wait(int rcvid, const struct _msg_info *info, size_t got)
{
    if (got < sizeof(msg.wait) || msg.wait.pid == 0 || msg.wait.pid < -1) {
        MsgError(rcvid, EINVAL);
        return;
    }
    int parent = info->pid, pid = msg.wait.pid;
    if (!has_child(parent, pid)) {
        MsgError(rcvid, ECHILD);
        return;
    }
    struct tm_proc *z = zombie_child(parent, pid);
    if (z || (msg.wait.options & TM_WNOHANG)) {
        reply_wait(rcvid, z);
        return;
    }
    /* A thread that a signal took out of an earlier wait has left it: forget that one. */
    for (int i = 0; i < MAX_WAITERS; i++)
        if (waiters[i].rcvid == rcvid)
            waiters[i].rcvid = 0;
    for (int i = 0; i < MAX_WAITERS; i++) {
        if (!waiters[i].rcvid) {
            waiters[i] = (struct waiter){rcvid, parent, pid};
            return;
        }
    }
    MsgError(rcvid, EAGAIN);
}

// A process ended: it becomes a zombie for its parent, its children go to init, and a parent
// already waiting is answered. Returns true when it was init.
static bool handle_death(int pid, int kernel_status)
{
    struct tm_proc *p = proctab_find(pid);
    if (!p)
        return false;
    p->zombie = true;
    p->wstatus = wait_status_of(kernel_status);
    for (struct tm_proc *c = proctab_next(NULL); c; c = proctab_next(c))
        if (c->ppid == pid)
            c->ppid = init_pid;
    bool answered = false;
    for (int i = 0; i < MAX_WAITERS; i++) {
        struct waiter *w = &waiters[i];
        if (w->rcvid && w->parent == pid) {
            w->rcvid = 0; /* the waiter itself is gone */
        } else if (w->rcvid && !answered && w->parent == p->ppid &&
                   (w->pid == -1 || w->pid == pid)) {
            struct tm_wait_reply r = {pid, p->wstatus};
            MsgReply(w->rcvid, 0, &r, sizeof(r));
            w->rcvid = 0;
            answered = true;
        }
    }
    /* Waiters whose last child just went (to init) will never be answered: tell them now. */
    for (int i = 0; i < MAX_WAITERS; i++) {
        struct waiter *w = &waiters[i];
        if (w->rcvid && !has_child(w->parent, w->pid)) {
            MsgError(w->rcvid, ECHILD);
            w->rcvid = 0;
        }
    }
    pathmgr_forget(pid);
    if (reader_gone(pid)) {
        proctab_remove(p); /* taskman's own helper: nobody waits for it */
        return false;
    }
    bool was_init = pid == init_pid;
    if (was_init)
        printf("taskman: init (%s, pid %d) ended with wait status 0x%x\n", p->name, pid,
               p->wstatus);
    if (answered && !was_init)
        proctab_remove(p);
    return was_init;
}

// PATH_MOUNT: the path holds four strings, the prefix, source, type and options.
static int path_mount(const char *path, size_t len, int pid)
{
    const char *field[4];
    size_t at = 0;
    for (int i = 0; i < 4; i++) {
        if (at > len)
            return -EINVAL;
        field[i] = path + at;
        at += strlen(field[i]) + 1;
    }
    if (at != len + 1)
        return -EINVAL;
    return pathmgr_mount(field[0], pid, field[1], field[2], field[3]);
}

// PATH_RESOLVE, PATH_REGISTER, PATH_UNREGISTER and PATH_MOUNT.
static void handle_path(int rcvid, const struct _msg_info *info, size_t got)
{
    struct path_msg *m = (struct path_msg *)msg.bytes;
    if (got < sizeof(*m) || m->pathlen == 0 || m->pathlen >= PATH_MAX_LEN ||
        got < sizeof(*m) + m->pathlen) {
        MsgError(rcvid, EINVAL);
        return;
    }
    char path[PATH_MAX_LEN];
    memcpy(path, msg.bytes + sizeof(*m), m->pathlen);
    path[m->pathlen] = '\0';
    if (m->type == PATH_MOUNT) {
        int err = path_mount(path, m->pathlen, info->pid);
        if (err)
            MsgError(rcvid, -err);
        else
            MsgReply(rcvid, 0, NULL, 0);
        return;
    }
    if (strlen(path) != m->pathlen) {
        MsgError(rcvid, EINVAL);
        return;
    }
    int err = 0;
    if (m->type == PATH_RESOLVE) {
        struct path_resolved r;
        err = pathmgr_resolve(path, &r);
        if (!err) {
            MsgReply(rcvid, 0, &r, sizeof(r));
            return;
        }
    } else if (m->type == PATH_REGISTER) {
        err = pathmgr_register(path, info->pid, m->chid);
    } else {
        err = pathmgr_unregister(path, info->pid);
    }
    if (err)
        MsgError(rcvid, -err);
    else
        MsgReply(rcvid, 0, NULL, 0);
}

// Sends signal signo to process p from the process sender (0 only checks); the kernel runs
// the handler or does what the signal does by default.
static int kill_one(struct tm_proc *p, int signo, int sender)
{
    if (p->zombie || p->pid == TASKMAN_PID)
        return ESRCH;
    if (signo != 0 && SignalKill(0, p->pid, 0, signo, SI_USER, sender) < 0)
        return errno == EINVAL ? EINVAL : ESRCH;
    return 0;
}

// May the sender (proc s) signal p? As POSIX: root may, and so may a process whose real or
// effective user id is p's real or saved one.
static bool may_signal(const struct tm_proc *s, const struct tm_proc *p)
{
    if (!s || s->euid == 0)
        return true;
    return s->ruid == p->ruid || s->ruid == p->suid || s->euid == p->ruid || s->euid == p->suid;
}

// TM_SETCRED: setuid, seteuid, setgid and setegid with POSIX's rules: a process whose effective
// user id is root may set any id (setuid and setgid then set real, effective and saved ids);
// any other process may only switch its effective id between its real and saved ones.
static int set_cred(struct tm_proc *p, const struct tm_setcred *m)
{
    int id = m->id;
    bool root = p->euid == 0;
    if (id < 0)
        return EINVAL;
    switch (m->kind) {
    case TM_SETUID:
        if (root) {
            p->ruid = p->euid = p->suid = id;
            return 0;
        }
        if (id != p->ruid && id != p->suid)
            return EPERM;
        p->euid = id;
        return 0;
    case TM_SETEUID:
        if (!root && id != p->ruid && id != p->suid)
            return EPERM;
        p->euid = id;
        return 0;
    case TM_SETGID:
        if (root) {
            p->rgid = p->egid = p->sgid = id;
            return 0;
        }
        if (id != p->rgid && id != p->sgid)
            return EPERM;
        p->egid = id;
        return 0;
    case TM_SETEGID:
        if (!root && id != p->rgid && id != p->sgid)
            return EPERM;
        p->egid = id;
        return 0;
    default:
        return EINVAL;
    }
}

// TM_KILL: a process, or (pid < 0) every process of group -pid.
static void handle_kill(int rcvid, const struct _msg_info *info, size_t got)
{
    struct tm_proc *sender = proctab_find(info->pid);
    const struct tm_kill *k = (const struct tm_kill *)msg.bytes;
    if (got < sizeof(*k) || k->signo < 0 || k->signo >= NSIG || k->pid == 0 || k->pid == -1) {
        MsgError(rcvid, EINVAL);
        return;
    }
    int err = ESRCH;
    if (k->pid > 0) {
        struct tm_proc *p = proctab_find(k->pid);
        err = !p ? ESRCH : !may_signal(sender, p) ? EPERM : kill_one(p, k->signo, info->pid);
    } else {
        for (struct tm_proc *p = proctab_next(NULL); p; p = proctab_next(p)) {
            if (p->pgid != -k->pid || p->zombie)
                continue;
            if (!may_signal(sender, p)) {
                if (err == ESRCH)
                    err = EPERM;
                continue;
            }
            if (kill_one(p, k->signo, info->pid) == 0)
                err = 0;
        }
    }
    if (err)
        MsgError(rcvid, err);
    else
        MsgReply(rcvid, 0, NULL, 0);
}

// TM_SETPGID: a process (itself or a child) joins or starts a process group.
static void handle_setpgid(int rcvid, const struct _msg_info *info, size_t got)
{
    const struct tm_kill *m = (const struct tm_kill *)msg.bytes;
    int pid = got >= sizeof(*m) && m->pid ? m->pid : info->pid;
    struct tm_proc *p = proctab_find(pid);
    int pgid = got >= sizeof(*m) && m->signo ? m->signo : pid;
    if (got < sizeof(*m) || m->pid < 0 || m->signo < 0) {
        MsgError(rcvid, EINVAL);
        return;
    }
    if (!p || (p->pid != info->pid && p->ppid != info->pid)) {
        MsgError(rcvid, ESRCH);
        return;
    }
    p->pgid = pgid;
    MsgReply(rcvid, 0, NULL, 0);
}

// TM_BRK: moves the sender's program break to addr (0: leaves it), mapping or unmapping whole
// pages between the old and the new break; replies with the break.
static void handle_brk(int rcvid, const struct _msg_info *info, size_t got)
{
    const struct tm_mmap *m = (const struct tm_mmap *)msg.bytes;
    struct tm_proc *p = proctab_find(info->pid);
    if (got < sizeof(*m) || !p || !p->brk_base) {
        MsgError(rcvid, EINVAL);
        return;
    }
    uint64_t want = m->addr ? m->addr : p->brk;
    if (want < p->brk_base || want > p->brk_base + BRK_MAX) {
        MsgError(rcvid, ENOMEM);
        return;
    }
    uint64_t old_top = (p->brk + 4095) & ~4095ul, new_top = (want + 4095) & ~4095ul;
    if (new_top > old_top &&
        ProcMemMap(info->pid, old_top, new_top - old_top, PROT_READ | PROT_WRITE) < 0) {
        MsgError(rcvid, ENOMEM);
        return;
    }
    if (new_top < old_top)
        ProcMemUnmap(info->pid, new_top, old_top - new_top);
    p->brk = want;
    struct tm_mmap_reply r = {p->brk};
    MsgReply(rcvid, 0, &r, sizeof(r));
}

// TM_MMAP and TM_MUNMAP: anonymous memory for a process. Addresses are handed out upwards
// from MMAP_BASE and not reused after an unmap (the range is 64 GiB).
static void handle_mmap(int rcvid, const struct _msg_info *info, size_t got)
{
    const struct tm_mmap *m = (const struct tm_mmap *)msg.bytes;
    struct tm_proc *p = proctab_find(info->pid);
    if (got < sizeof(*m) || !p) {
        MsgError(rcvid, EINVAL);
        return;
    }
    uint64_t len = (m->len + 4095) & ~4095ul;
    if (m->type == TM_MUNMAP) {
        if ((m->addr & 4095) || len == 0 || m->addr < MMAP_BASE || m->addr + len > MMAP_TOP ||
            m->addr + len < m->addr) {
            MsgError(rcvid, EINVAL);
            return;
        }
        ProcMemUnmap(info->pid, m->addr, len);
        MsgReply(rcvid, 0, NULL, 0);
        return;
    }
    if (len == 0 || len < m->len || (m->prot & ~7)) {
        MsgError(rcvid, EINVAL);
        return;
    }
    if (p->mmap_next + len > MMAP_TOP || p->mmap_next + len < p->mmap_next) {
        MsgError(rcvid, ENOMEM);
        return;
    }
    uint64_t addr = p->mmap_next;
    if (ProcMemMap(info->pid, addr, len, m->prot) < 0) {
        MsgError(rcvid, errno == EEXIST ? ENOMEM : errno);
        return;
    }
    p->mmap_next += len + 4096; /* an unmapped page between mappings catches overruns */
    struct tm_mmap_reply r = {addr};
    MsgReply(rcvid, 0, &r, sizeof(r));
}

static const char *kernel_version = "";

static void handle_uname(int rcvid)
{
    struct tm_uname u = {"QSOE", "qsoe", "0.1", "", "riscv64"};
    snprintf(u.version, sizeof(u.version), "%s", kernel_version);
    MsgReply(rcvid, 0, &u, sizeof(u));
}

int taskman_serve(int chid, const struct taskman_boot *b, const char *init_path)
{
    nodes_init(b, chid);
    spawn_init(b, chid);
    kernel_version = b->version ? b->version : "";
    procfs_set_kernel(b->kernel);
    char *argv[] = {(char *)init_path, NULL};
    char *envp[] = {"PATH=/proc/boot", NULL};
    init_pid = spawn_boot_program(init_path, argv, envp, TASKMAN_PID, true); /* starts drivers */
    if (init_pid < 0) {
        printf("taskman: cannot start %s (error %d)\n", init_path, -init_pid);
        return 127;
    }
    for (;;) {
        struct _msg_info info;
        int rcvid = MsgReceive(chid, msg.bytes, sizeof(msg.bytes), &info);
        if (rcvid == 0) {
            struct _pulse *p = (struct _pulse *)msg.bytes;
            if (p->code == _PULSE_CODE_DISCONNECT)
                nodes_disconnect(p->scoid);
            continue;
        }
        if (rcvid < 0)
            continue;
        size_t got = (size_t)info.msglen;
        if (got < sizeof(struct tm_header)) {
            MsgError(rcvid, EINVAL);
            continue;
        }
        if (nodes_handle(rcvid, &info, msg.bytes, got))
            continue;
        switch (msg.hdr.type) {
        case PATH_RESOLVE:
        case PATH_REGISTER:
        case PATH_UNREGISTER:
        case PATH_MOUNT:
            handle_path(rcvid, &info, got);
            break;
        case TM_KILL:
            handle_kill(rcvid, &info, got);
            break;
        case TM_MMAP:
        case TM_MUNMAP:
            handle_mmap(rcvid, &info, got);
            break;
        case TM_BRK:
            handle_brk(rcvid, &info, got);
            break;
        case TM_POWER: {
            struct tm_proc *p = proctab_find(info.pid);
            const struct tm_power *m = (const struct tm_power *)msg.bytes;
            int err = !p || got < sizeof(*m) ? EINVAL : p->euid != 0 ? EPERM : 0;
            if (!err) {
                printf("taskman: %s requested by process %d\n",
                       m->how == SYS_POWER_RESET ? "reset" : "power off", info.pid);
                err = -SysPower(m->how, m->code); /* returns only if how is bad */
                err = err > 0 ? err : EINVAL;
            }
            MsgError(rcvid, err);
            break;
        }
        case TM_SETGROUPS: {
            struct tm_proc *p = proctab_find(info.pid);
            const struct tm_setgroups *g = (const struct tm_setgroups *)msg.bytes;
            int err = !p || got < sizeof(*g) || g->n > TM_NGROUPS ? EINVAL
                      : p->euid != 0                              ? EPERM
                                                                  : 0;
            if (!err) {
                p->ngroups = g->n;
                memcpy(p->groups, g->groups, sizeof(p->groups));
            }
            if (err)
                MsgError(rcvid, err);
            else
                MsgReply(rcvid, 0, NULL, 0);
            break;
        }
        case TM_UNAME:
            handle_uname(rcvid);
            break;
        case TM_SETPGID:
            handle_setpgid(rcvid, &info, got);
            break;
        case TM_GETCRED: {
            struct tm_proc *p = proctab_find(info.pid);
            struct tm_cred c = {0};
            if (p) {
                c = (struct tm_cred){p->ruid, p->euid, p->suid,    p->rgid,
                                     p->egid, p->sgid, p->ngroups, {0}};
                memcpy(c.groups, p->groups, sizeof(c.groups));
            }
            MsgReply(rcvid, 0, &c, sizeof(c));
            break;
        }
        case TM_SETCRED: {
            struct tm_proc *p = proctab_find(info.pid);
            int err = !p || got < sizeof(struct tm_setcred)
                          ? EINVAL
                          : set_cred(p, (const struct tm_setcred *)msg.bytes);
            if (err)
                MsgError(rcvid, err);
            else
                MsgReply(rcvid, 0, NULL, 0);
            break;
        }
        case TM_GETPGRP: {
            struct tm_proc *p = proctab_find(info.pid);
            MsgReply(rcvid, p ? p->pgid : info.pid, NULL, 0);
            break;
        }
        case TM_SPAWN:
            spawn_request(rcvid, &info, msg.bytes, got);
            break;
        case TM_LOADED:
        case TM_READER:
            reader_message(rcvid, &info, msg.bytes, got);
            break;
        case TM_WAIT:
            handle_wait(rcvid, &info, got);
            break;
        case TM_GETPPID: {
            struct tm_proc *p = proctab_find(info.pid);
            MsgReply(rcvid, p ? p->ppid : TASKMAN_PID, NULL, 0);
            break;
        }
        case TM_DEATH: {
            bool own = info.pid == TASKMAN_PID && got >= sizeof(msg.death);
            int pid = msg.death.pid, status = msg.death.status;
            MsgReply(rcvid, own ? 0 : -1, NULL, 0);
            if (own && handle_death(pid, status)) {
                struct tm_proc *p = proctab_find(pid);
                int ws = p ? p->wstatus : 0;
                return (ws & 0x7f) ? 128 + (ws & 0x7f) : (ws >> 8) & 0xff;
            }
            break;
        }
        default:
            MsgError(rcvid, ENOSYS);
        }
    }
}
