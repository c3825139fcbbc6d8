/* POSIX file I/O, names, the working directory, process identity and exit. */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <stdint.h>
#include <sys/types.h>

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

#define STDIN_FILENO  0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

#define _SC_ARG_MAX           0
#define _SC_CLK_TCK           2
#define _SC_OPEN_MAX          4
#define _SC_PAGESIZE          30
#define _SC_PAGE_SIZE         _SC_PAGESIZE
#define _SC_NPROCESSORS_CONF  83
#define _SC_NPROCESSORS_ONLN  84

#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
off_t lseek(int fd, off_t offset, int whence);
int close(int fd);
int dup(int fd);
int dup2(int fd, int newfd);
int pipe(int fds[2]);
int fsync(int fd);
int ftruncate(int fd, off_t length);
int truncate(const char *path, off_t length);
int isatty(int fd);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);

int unlink(const char *path);
int rmdir(const char *path);
int link(const char *existing, const char *path);
int symlink(const char *target, const char *path);
ssize_t readlink(const char *restrict path, char *restrict buf, size_t size);
int access(const char *path, int mode);
int chown(const char *path, uid_t uid, gid_t gid);
int lchown(const char *path, uid_t uid, gid_t gid);
int fchown(int fd, uid_t uid, gid_t gid);
int chdir(const char *path);
char *getcwd(char *buf, size_t size);

pid_t getpid(void);
pid_t getppid(void);
pid_t getpgrp(void);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int setuid(uid_t uid);
int seteuid(uid_t uid);
int setgid(gid_t gid);
int setegid(gid_t gid);
int setpgid(pid_t pid, pid_t pgid);
int getgroups(int size, gid_t list[]);
int setgroups(size_t n, const gid_t *list);
void _exit(int status) __attribute__((noreturn));
unsigned sleep(unsigned seconds);
unsigned alarm(unsigned seconds);
long sysconf(int name);
int brk(void *addr);
void *sbrk(intptr_t increment);
int usleep(unsigned long usec);

extern char **environ;

#endif
