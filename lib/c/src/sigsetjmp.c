/* sigsetjmp's saving of the signal mask, and siglongjmp, which restores it before the jump. */
#include <setjmp.h>
#include <signal.h>

void __sigsetjmp_save(sigjmp_buf env, int savemask)
{
    env[0].__saved = savemask != 0;
    if (savemask) {
        sigset_t now;
        sigprocmask(SIG_BLOCK, NULL, &now);
        env[0].__mask = now.__bits;
    }
}

void siglongjmp(sigjmp_buf env, int value)
{
    if (env[0].__saved) {
        sigset_t mask = {env[0].__mask};
        sigprocmask(SIG_SETMASK, &mask, NULL);
    }
    longjmp(env[0].__env, value);
}
