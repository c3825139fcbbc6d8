/* Non-local jumps (lib/c/arch/riscv64/setjmp.S; sigsetjmp in lib/c/src/sigsetjmp.c). */
#ifndef _SETJMP_H
#define _SETJMP_H

#include <stdint.h>

/* ra, sp, s0-s11 and fs0-fs11: what a call must keep for its caller. */
typedef uint64_t jmp_buf[26];

typedef struct {
    jmp_buf __env;
    int __saved;
    uint64_t __mask;
} sigjmp_buf[1];

int setjmp(jmp_buf env) __attribute__((returns_twice));
void longjmp(jmp_buf env, int value) __attribute__((noreturn));
int _setjmp(jmp_buf env) __attribute__((returns_twice));
void _longjmp(jmp_buf env, int value) __attribute__((noreturn));
#define sigsetjmp(env, savemask) (__sigsetjmp_save((env), (savemask)), setjmp((env)[0].__env))
void __sigsetjmp_save(sigjmp_buf env, int savemask);
void siglongjmp(sigjmp_buf env, int value) __attribute__((noreturn));

#endif
