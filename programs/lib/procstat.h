/* Reading a process's /proc/<pid>/status (for ps and pidin). */
#ifndef QSOE_PROGRAMS_PROCSTAT_H
#define QSOE_PROGRAMS_PROCSTAT_H

struct procstat {
    char ppid[16], pgid[16], threads[16], state[16], priority[16], memory[24], name[64];
};

// Fills st from /proc/<pid>/status; "?" for a field it lacks. 0, or -1 if the process is gone.
int procstat_read(const char *pid, struct procstat *st);

// Calls show with each process's pid under /proc; -1 (after a message naming prog) if /proc
// cannot be read.
int procstat_each(const char *prog, void (*show)(const char *pid));

// The value of the line "key: value" in text, copied into out; "?" if there is none.
void procstat_field(const char *text, const char *key, char *out, size_t size);

#endif
