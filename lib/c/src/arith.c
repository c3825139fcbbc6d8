/*
 * Integer arithmetic helpers of <stdlib.h> (abs, div and their wider forms) and the C random
 * number generator: a 64-bit linear congruential generator whose high 31 bits are the result,
 * one state for the whole process (rand) or the caller's (rand_r).
 */
#include <inttypes.h>
#include <stdlib.h>

int abs(int x)
{
    return x < 0 ? -x : x;
}

long labs(long x)
{
    return x < 0 ? -x : x;
}

long long llabs(long long x)
{
    return x < 0 ? -x : x;
}

div_t div(int num, int den)
{
    return (div_t){num / den, num % den};
}

ldiv_t ldiv(long num, long den)
{
    return (ldiv_t){num / den, num % den};
}

lldiv_t lldiv(long long num, long long den)
{
    return (lldiv_t){num / den, num % den};
}

static unsigned long next_random = 1;

// One step of the generator: 31 bits from the high part of a 64-bit state.
static int step(unsigned long *state)
{
    *state = *state * 6364136223846793005ul + 1442695040888963407ul;
    return (int)(*state >> 33);
}

int rand(void)
{
    return step(&next_random);
}

void srand(unsigned seed)
{
    next_random = seed;
}

int rand_r(unsigned *seed)
{
    unsigned long state = *seed;
    int r = step(&state);
    *seed = (unsigned)state;
    return r;
}

intmax_t imaxabs(intmax_t x)
{
    return x < 0 ? -x : x;
}

imaxdiv_t imaxdiv(intmax_t num, intmax_t den)
{
    return (imaxdiv_t){num / den, num % den};
}
