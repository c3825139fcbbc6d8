/*
 * The file-system suite's tests of names: directories (mkdir, rmdir, readdir), unlink and
 * rename, hard links, symbolic links, and the working directory, with the errors Linux's tmpfs
 * gives.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fstest.h"

static uint32_t links_of(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 ? st.st_nlink : 0;
}

static uint64_t ino_of(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 ? st.st_ino : 0;
}

void test_directories(void)
{
    uint32_t root_links = links_of(TMP);
    CHECK("the root starts with two links", root_links == 2);
    CHECK("mkdir makes a directory", mkdir(TMP "/d", 0755) == 0);
    struct stat st;
    CHECK("it is a directory with the mode asked and two links",
          stat(TMP "/d", &st) == 0 && st.st_mode == (S_IFDIR | 0755) && st.st_nlink == 2);
    CHECK("its parent gains a link (its \"..\")", links_of(TMP) == root_links + 1);
    CHECK("mkdir of an existing directory is EEXIST", fails_with(mkdir(TMP "/d", 0755), EEXIST));
    CHECK("mkdir over a file is EEXIST", fails_with(mkdir(TMP "/a", 0755), EEXIST));
    CHECK("mkdir of the root itself is EEXIST", fails_with(mkdir(TMP, 0755), EEXIST));
    CHECK("mkdir under a missing directory is ENOENT",
          fails_with(mkdir(TMP "/no/x", 0755), ENOENT));
    CHECK("mkdir under a file is ENOTDIR", fails_with(mkdir(TMP "/a/x", 0755), ENOTDIR));
    CHECK("a subdirectory", mkdir(TMP "/d/sub", 0700) == 0 && links_of(TMP "/d") == 3);
    CHECK("files in it", put_file(TMP "/d/f1", "one") && put_file(TMP "/d/sub/f2", "two"));
    CHECK("rmdir of a non-empty directory is ENOTEMPTY", fails_with(rmdir(TMP "/d"), ENOTEMPTY));
    CHECK("rmdir of a file is ENOTDIR", fails_with(rmdir(TMP "/d/f1"), ENOTDIR));
    CHECK("unlink of a directory is EISDIR", fails_with(unlink(TMP "/d/sub"), EISDIR));
    CHECK("rmdir of a missing name is ENOENT", fails_with(rmdir(TMP "/d/none"), ENOENT));
    CHECK("rmdir of an emptied directory works",
          unlink(TMP "/d/sub/f2") == 0 && rmdir(TMP "/d/sub") == 0 &&
              fails_with(stat(TMP "/d/sub", &st), ENOENT) && links_of(TMP "/d") == 2);
    CHECK("opendir of a file is ENOTDIR", opendir(TMP "/a") == NULL && errno == ENOTDIR);
}

// Counts the entries of an open directory; names[] get bits in *seen, types must match.
static int scan(DIR *d, const char *const *names, const unsigned char *types, unsigned *seen,
                int *bad)
{
    int count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        count++;
        for (int i = 0; names[i]; i++) {
            if (strcmp(e->d_name, names[i]) == 0) {
                *bad += (*seen >> i) & 1 || e->d_type != types[i];
                *seen |= 1u << i;
            }
        }
    }
    return count;
}

void test_readdir(void)
{
    mkdir(TMP "/r", 0755);
    mkdir(TMP "/r/sub", 0755);
    put_file(TMP "/r/file", "x");
    symlink("file", TMP "/r/link");
    static const char *const names[] = {".", "..", "sub", "file", "link", NULL};
    static const unsigned char types[] = {DT_DIR, DT_DIR, DT_DIR, DT_REG, DT_LNK};
    DIR *d = opendir(TMP "/r");
    CHECK("opendir of a directory", d != NULL);
    unsigned seen = 0;
    int bad = 0;
    int count = d ? scan(d, names, types, &seen, &bad) : 0;
    CHECK("readdir gives \".\", \"..\" and each name once, with its type",
          count == 5 && seen == 31 && bad == 0);
    seen = 0;
    if (d)
        rewinddir(d);
    count = d ? scan(d, names, types, &seen, &bad) : 0;
    CHECK("rewinddir starts again", count == 5 && seen == 31 && bad == 0);
    if (d)
        rewinddir(d);
    struct dirent *dot = d ? readdir(d) : NULL;
    CHECK("\".\" has the directory's inode number", dot && dot->d_ino == ino_of(TMP "/r"));
    struct dirent *dotdot = d ? readdir(d) : NULL;
    CHECK("\"..\" has the parent's", dotdot && dotdot->d_ino == ino_of(TMP));
    if (d)
        closedir(d);

    mkdir(TMP "/many", 0755);
    char path[128];
    int made = 0;
    for (int i = 0; i < 150; i++) {
        snprintf(path, sizeof(path), TMP "/many/a-rather-long-file-name-number-%03d", i);
        made += put_file(path, "");
    }
    d = opendir(TMP "/many");
    int entries = 0, in_order = 1;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        if (entries >= 2) {
            snprintf(path, sizeof(path), "a-rather-long-file-name-number-%03d", entries - 2);
            in_order &= strcmp(e->d_name, path) == 0;
        }
        entries++;
    }
    CHECK("150 names over several reads come out once each, in the order made",
          made == 150 && entries == 152 && in_order);
    int after = 0;
    if (d)
        rewinddir(d);
    while (d && (e = readdir(d)) != NULL) {
        if (++after == 50) {
            unlink(TMP "/many/a-rather-long-file-name-number-005");
            unlink(TMP "/many/a-rather-long-file-name-number-100");
        }
    }
    if (d)
        closedir(d);
    CHECK("names removed while a directory is read do not make it skip others", after == 151);
}

void test_unlink_and_rename(void)
{
    struct stat st;
    put_file(TMP "/u", "keep");
    CHECK("unlink removes a name",
          unlink(TMP "/u") == 0 && fails_with(stat(TMP "/u", &st), ENOENT));
    CHECK("unlink of a missing name is ENOENT", fails_with(unlink(TMP "/u"), ENOENT));
    put_file(TMP "/u", "keep");
    int fd = open(TMP "/u", O_RDONLY);
    char buf[8] = "";
    CHECK("an open file whose name is unlinked has no links left",
          unlink(TMP "/u") == 0 && fstat(fd, &st) == 0 && st.st_nlink == 0);
    CHECK("and is still read through its descriptor",
          read(fd, buf, 8) == 4 && memcmp(buf, "keep", 4) == 0);
    close(fd);

    put_file(TMP "/old", "old");
    uint64_t ino = ino_of(TMP "/old");
    CHECK("rename gives a file a new name",
          rename(TMP "/old", TMP "/new") == 0 && file_is(TMP "/new", "old") &&
              ino_of(TMP "/new") == ino && fails_with(stat(TMP "/old", &st), ENOENT));
    put_file(TMP "/other", "other");
    CHECK("rename replaces an existing file",
          rename(TMP "/other", TMP "/new") == 0 && file_is(TMP "/new", "other"));
    CHECK("rename of a file onto itself does nothing",
          rename(TMP "/new", TMP "/new") == 0 && file_is(TMP "/new", "other"));
    CHECK("rename into another directory",
          rename(TMP "/new", TMP "/d/moved") == 0 && file_is(TMP "/d/moved", "other"));
    CHECK("rename of a missing name is ENOENT", fails_with(rename(TMP "/gone", TMP "/x"), ENOENT));
    mkdir(TMP "/m", 0755);
    mkdir(TMP "/m/in", 0755);
    CHECK("rename of a directory into its own subtree is EINVAL",
          fails_with(rename(TMP "/m", TMP "/m/in/m"), EINVAL));
    CHECK("rename of a directory onto itself does nothing", rename(TMP "/m", TMP "/m") == 0);
    CHECK("rename of a directory onto a non-empty directory is ENOTEMPTY",
          fails_with(rename(TMP "/m/in", TMP "/d"), ENOTEMPTY));
    CHECK("rename of a directory onto a file is ENOTDIR",
          fails_with(rename(TMP "/m/in", TMP "/a"), ENOTDIR));
    CHECK("rename of a file onto a directory is EISDIR",
          fails_with(rename(TMP "/a", TMP "/m/in"), EISDIR));
    mkdir(TMP "/empty", 0755);
    put_file(TMP "/m/in/f", "deep");
    uint32_t root_links = links_of(TMP);
    CHECK("a directory replaces an empty one, taking its contents along",
          rename(TMP "/m", TMP "/empty") == 0 && file_is(TMP "/empty/in/f", "deep") &&
              fails_with(stat(TMP "/m", &st), ENOENT) && links_of(TMP) == root_links - 1);
    CHECK("a directory moved to another parent: the link counts follow",
          rename(TMP "/empty/in", TMP "/d/in") == 0 && links_of(TMP "/empty") == 2 &&
              links_of(TMP "/d") == 3 && file_is(TMP "/d/in/f", "deep"));
    put_file(TMP "/victim", "victim");
    put_file(TMP "/winner", "winner");
    int fd2 = open(TMP "/victim", O_RDONLY);
    CHECK("a file replaced by rename stays readable through an open descriptor",
          rename(TMP "/winner", TMP "/victim") == 0 && read(fd2, buf, 8) == 6 &&
              memcmp(buf, "victim", 6) == 0 && file_is(TMP "/victim", "winner"));
    close(fd2);
    mkdir(TMP "/gone", 0755);
    fd2 = open(TMP "/gone", O_RDONLY | O_DIRECTORY);
    DIR *d = fd2 >= 0 ? fdopendir(fd2) : NULL;
    int count = 0;
    CHECK("an open directory removed by rmdir has no links",
          rmdir(TMP "/gone") == 0 && fstat(fd2, &st) == 0 && st.st_nlink == 0);
    while (d && readdir(d))
        count++;
    CHECK("and reads as just \".\" and \"..\"", d && count == 2);
    if (d)
        closedir(d);
    CHECK("rename across two file systems is EXDEV",
          fails_with(rename(TMP "/d/moved", SMALL "/moved"), EXDEV));
}

void test_hard_links(void)
{
    put_file(TMP "/h1", "shared");
    CHECK("link makes a second name", link(TMP "/h1", TMP "/h2") == 0);
    CHECK("both names have two links and one inode", links_of(TMP "/h1") == 2 &&
                                                         links_of(TMP "/h2") == 2 &&
                                                         ino_of(TMP "/h1") == ino_of(TMP "/h2"));
    int fd = open(TMP "/h2", O_WRONLY | O_APPEND);
    write(fd, "!", 1);
    close(fd);
    CHECK("a write through one name shows through the other", file_is(TMP "/h1", "shared!"));
    CHECK("after unlinking one name the other keeps the contents, one link",
          unlink(TMP "/h1") == 0 && file_is(TMP "/h2", "shared!") && links_of(TMP "/h2") == 1);
    CHECK("link to a directory is EPERM", fails_with(link(TMP "/d", TMP "/dl"), EPERM));
    CHECK("link onto an existing name is EEXIST", fails_with(link(TMP "/h2", TMP "/a"), EEXIST));
    CHECK("link of a missing name is ENOENT", fails_with(link(TMP "/nah", TMP "/h3"), ENOENT));
}

void test_symlinks(void)
{
    put_file(TMP "/target", "pointed");
    CHECK("symlink makes a link", symlink("target", TMP "/l") == 0);
    struct stat st;
    CHECK("lstat sees the link: S_IFLNK, the target's length as its size",
          lstat(TMP "/l", &st) == 0 && S_ISLNK(st.st_mode) && st.st_size == 6);
    char buf[64];
    CHECK("readlink gives the target, without a NUL",
          readlink(TMP "/l", buf, sizeof(buf)) == 6 && memcmp(buf, "target", 6) == 0);
    CHECK("readlink into a small buffer cuts the target", readlink(TMP "/l", buf, 3) == 3);
    CHECK("stat follows the link",
          stat(TMP "/l", &st) == 0 && S_ISREG(st.st_mode) && st.st_ino == ino_of(TMP "/target"));
    CHECK("open follows it", file_is(TMP "/l", "pointed"));
    int fd = open(TMP "/l", O_RDONLY | O_NOFOLLOW);
    CHECK("open with O_NOFOLLOW gives the link itself",
          fd >= 0 && fstat(fd, &st) == 0 && S_ISLNK(st.st_mode));
    close(fd);
    CHECK("opening a link itself for writing is ELOOP",
          fails_with(open(TMP "/l", O_WRONLY | O_NOFOLLOW), ELOOP));
    CHECK("lchown changes the link, not its target",
          lchown(TMP "/l", 7, 8) == 0 && lstat(TMP "/l", &st) == 0 && st.st_uid == 7 &&
              stat(TMP "/l", &st) == 0 && st.st_uid == 0);
    CHECK("symlink over an existing name is EEXIST", fails_with(symlink("x", TMP "/a"), EEXIST));
    CHECK("readlink of a file is EINVAL", fails_with((int)readlink(TMP "/a", buf, 8), EINVAL));
    CHECK("a link to a directory is followed in the middle of a path",
          symlink("d", TMP "/dlink") == 0 && file_is(TMP "/dlink/f1", "one"));
    CHECK("an absolute target inside the prefix is followed",
          symlink(TMP "/d/f1", TMP "/abs") == 0 && file_is(TMP "/abs", "one"));
    CHECK("a relative target is taken from the link's directory",
          symlink("../target", TMP "/d/up") == 0 && file_is(TMP "/d/up", "pointed"));
    CHECK("a target outside the prefix cannot be followed: ENOENT",
          symlink("/proc/boot/tmpfs", TMP "/out") == 0 &&
              fails_with(open(TMP "/out", O_RDONLY), ENOENT));
    CHECK("a dangling link: stat is ENOENT",
          symlink("later", TMP "/dang") == 0 && fails_with(stat(TMP "/dang", &st), ENOENT));
    fd = open(TMP "/dang", O_WRONLY | O_CREAT, 0644);
    CHECK("O_CREAT through a dangling link makes its target",
          fd >= 0 && stat(TMP "/later", &st) == 0 && S_ISREG(st.st_mode));
    close(fd);
    CHECK("O_CREAT | O_EXCL on a link is EEXIST",
          fails_with(open(TMP "/dang", O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST));
    symlink("loop2", TMP "/loop1");
    symlink("loop1", TMP "/loop2");
    CHECK("a loop of links is ELOOP", fails_with(open(TMP "/loop1", O_RDONLY), ELOOP));
    char name[32], next[32];
    for (int i = 1; i <= 8; i++) {
        snprintf(name, sizeof(name), TMP "/c%d", i);
        snprintf(next, sizeof(next), i < 8 ? "c%d" : "target", i + 1);
        symlink(next, name);
    }
    CHECK("a chain of 8 links is followed", file_is(TMP "/c1", "pointed"));
    CHECK("one of 9 is ELOOP",
          symlink("c1", TMP "/c0") == 0 && fails_with(open(TMP "/c0", O_RDONLY), ELOOP));
    CHECK("unlink removes the link, not its target", unlink(TMP "/l") == 0 &&
                                                         fails_with(lstat(TMP "/l", &st), ENOENT) &&
                                                         file_is(TMP "/target", "pointed"));
    CHECK("rename moves a link",
          rename(TMP "/abs", TMP "/abs2") == 0 && readlink(TMP "/abs2", buf, sizeof(buf)) == 9);
}

void test_working_directory(void)
{
    char cwd[128];
    CHECK("chdir into a tmpfs directory", chdir(TMP "/d") == 0);
    CHECK("getcwd names it", getcwd(cwd, sizeof(cwd)) && strcmp(cwd, TMP "/d") == 0);
    CHECK("a relative name is made in it",
          put_file("rel", "relative") && file_is(TMP "/d/rel", "relative"));
    CHECK("chdir .. goes up", chdir("..") == 0 && getcwd(cwd, sizeof(cwd)) &&
                                  strcmp(cwd, TMP) == 0 && file_is("d/rel", "relative"));
    CHECK("chdir to a file is ENOTDIR", fails_with(chdir(TMP "/a"), ENOTDIR));
    CHECK("chdir to a missing name is ENOENT", fails_with(chdir(TMP "/zz"), ENOENT));
    chdir("/");
}
