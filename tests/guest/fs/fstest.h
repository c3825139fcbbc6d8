/*
 * The file-system suite (run=test/fstest): shared by its files, the check macro, the prefixes
 * its tmpfs instances serve and a few helpers. fstest.c has main and the tests of open files,
 * fs_names.c those of names, directories and links, fs_limits.c the full file system, bad
 * input and a killed server.
 */
#ifndef QSOE_FSTEST_H
#define QSOE_FSTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#define TMP        "/tmp"   /* the main instance, 16 MiB */
#define SMALL      "/small" /* a 64 KiB instance, for the full file system */
#define SMALL_SIZE (64 * 1024)

extern int failures;

#define CHECK(name, cond)                                                                          \
    do {                                                                                           \
        if (cond) {                                                                                \
            printf("PASS fs: %s\n", name);                                                         \
        } else {                                                                                   \
            printf("FAIL fs: %s (%s, line %d)\n", name, #cond, __LINE__);                          \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

/* fstest.c */
pid_t start_tmpfs(const char *prefix, const char *size);
bool file_is(const char *path, const char *contents);
bool put_file(const char *path, const char *contents);
bool fails_with(int result, int err);

/* fs_names.c */
void test_directories(void);
void test_readdir(void);
void test_unlink_and_rename(void);
void test_hard_links(void);
void test_symlinks(void);
void test_working_directory(void);

/* fs_limits.c */
void test_full(void);
void test_bad_input(void);
void test_killed(void);

#endif
