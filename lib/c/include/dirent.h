/* Reading directories (lib/c/src/dir.c). */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <stdint.h>

#define DT_UNKNOWN 0
#define DT_FIFO    1
#define DT_CHR     2
#define DT_DIR     4
#define DT_BLK     6
#define DT_REG     8
#define DT_LNK     10

struct dirent {
    uint64_t d_ino;
    unsigned char d_type; /* DT_*, DT_UNKNOWN if the server did not say */
    char d_name[256];
};

typedef struct __dir DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *dir);
void rewinddir(DIR *dir);
int dirfd(DIR *dir);
int closedir(DIR *dir);

#endif
