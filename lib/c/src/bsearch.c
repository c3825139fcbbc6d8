/* bsearch: binary search of a sorted array for an element that compares equal to a key. */
#include <stddef.h>
#include <stdlib.h>

// Returns an element of the n at base that cmp(key, element) calls equal, or NULL. The array
// must be ordered by the same comparison; which of several equal elements is found is not
// specified.
void *bsearch(const void *key, const void *base, size_t n, size_t size,
              int (*cmp)(const void *, const void *))
{
    const char *lo = base;
    while (n > 0) {
        const char *mid = lo + (n / 2) * size;
        int c = cmp(key, mid);
        if (c == 0)
            return (void *)mid;
        if (c > 0) {
            lo = mid + size;
            n -= n / 2 + 1;
        } else {
            n /= 2;
        }
    }
    return NULL;
}
