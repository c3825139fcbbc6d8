// What every host unit test shares: one PASS or FAIL line per check in the form
// tools/test_all.py counts, the closing tally, a reproducible random generator, and reading an
// input file whole. It is header-only because the runner compiles just a module's sources and
// its test file; a test defines TEST_MODULE, the name printed after PASS or FAIL, first.
#ifndef QSOE_TESTS_HOST_HARNESS_H
#define QSOE_TESTS_HOST_HARNESS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef TEST_MODULE
#error "define TEST_MODULE before including harness.h"
#endif

static int test_passes;
static int test_failures;

// Prints "PASS <module>: <what>" or "FAIL <module>: <what> (<detail>)", the detail formatted
// from fmt; a NULL fmt leaves the failure line without one.
static inline void report(bool ok, const char *what, const char *fmt, ...)
{
    va_list ap;

    if (ok) {
        test_passes++;
        printf("PASS %s: %s\n", TEST_MODULE, what);
        return;
    }
    test_failures++;
    printf("FAIL %s: %s", TEST_MODULE, what);
    if (fmt != NULL) {
        printf(" (");
        va_start(ap, fmt);
        vprintf(fmt, ap);
        va_end(ap);
        printf(")");
    }
    printf("\n");
}

// Prints the "N passed, N failed" tally and returns the test's exit status: 1 if any check
// failed, else 0.
static inline int test_summary(void)
{
    printf("%d passed, %d failed\n", test_passes, test_failures);
    return test_failures > 0 ? 1 : 0;
}

// A xorshift generator for random tests that must be the same on every run: each test keeps
// its own state, seeded with a fixed nonzero value.
static inline uint32_t test_rng(uint64_t *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    return (uint32_t)(*state >> 16);
}

// Reads the whole file at path into a malloc'd buffer of exactly its size (one byte for an
// empty file, so the pointer is never NULL on success) and sets *size. Returns NULL if the
// file cannot be read.
static inline uint8_t *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf;
    long len;

    if (f == NULL)
        return NULL;
    if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    buf = malloc(len > 0 ? (size_t)len : 1);
    if (buf == NULL || fread(buf, 1, (size_t)len, f) != (size_t)len) {
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    *size = (size_t)len;
    return buf;
}

#endif
