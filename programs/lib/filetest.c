/* The file primaries of test(1): types and modes from stat (lstat for -h/-L), access for -r/-w/-x.
 */
#include <sys/stat.h>
#include <unistd.h>

#include "filetest.h"

int file_test(char op, const char *path)
{
    struct stat st;
    if (op == 'h' || op == 'L')
        return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
    if (op == 'r' || op == 'w' || op == 'x')
        return access(path, op == 'r' ? R_OK : op == 'w' ? W_OK : X_OK) == 0;
    if (stat(path, &st) < 0)
        return 0;
    switch (op) {
    case 'b':
        return S_ISBLK(st.st_mode);
    case 'c':
        return S_ISCHR(st.st_mode);
    case 'd':
        return S_ISDIR(st.st_mode);
    case 'e':
        return 1;
    case 'f':
        return S_ISREG(st.st_mode);
    case 'g':
        return (st.st_mode & S_ISGID) != 0;
    case 'k':
        return (st.st_mode & S_ISVTX) != 0;
    case 'p':
        return S_ISFIFO(st.st_mode);
    case 's':
        return st.st_size > 0;
    case 'S':
        return S_ISSOCK(st.st_mode);
    case 'u':
        return (st.st_mode & S_ISUID) != 0;
    case 'O':
        return st.st_uid == geteuid();
    case 'G':
        return st.st_gid == getegid();
    default:
        return 0;
    }
}
