/*
 * Signal names without the SIG prefix (HUP, INT, KILL ...) and their numbers, for kill.
 */
#ifndef SIGNAME_H
#define SIGNAME_H

// The number of signal name ("TERM" or "SIGTERM", any case) or number text; -1 if unknown.
int signame_number(const char *name);

// The name of signal number sig without "SIG", or NULL.
const char *signame_name(int sig);

// The highest signal number with a name.
int signame_max(void);

#endif
