/* Reading directories. */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <stdint.h>

struct dirent {
    uint64_t d_ino;
    char d_name[256];
};

typedef struct __dir DIR;

DIR *opendir(const char *path);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);

#endif
