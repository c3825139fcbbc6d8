/*
 * Host tests of the physical page pool: allocation and freeing, contiguous runs, exhaustion,
 * reservations, and the refusal of frees that are out of range, misaligned or double.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "page_pool.h"

#define BASE 0x80000000ul
#define PAGE 4096ul

static int failures;

static void check(int ok, const char *what)
{
    printf("%s page_pool: %s\n", ok ? "PASS" : "FAIL", what);
    failures += !ok;
}

static void fresh(struct page_pool *p, size_t n, uint64_t **bits)
{
    *bits = calloc(PAGE_POOL_BITMAP_WORDS(n), sizeof(uint64_t));
    page_pool_init(p, BASE, n, *bits);
}

int main(void)
{
    struct page_pool p;
    uint64_t *bits;
    fresh(&p, 100, &bits);
    uintptr_t a = page_pool_alloc(&p, 1);
    check(a == BASE, "the first allocation is the first page");
    check(p.nfree == 99, "an allocation lowers the free count");
    uintptr_t b = page_pool_alloc(&p, 3);
    check(b == BASE + PAGE, "a run of three follows it");
    check(page_pool_free(&p, a, 1) == 0, "an allocated page can be freed");
    check(page_pool_free(&p, a, 1) == -EINVAL, "a double free is refused");
    check(page_pool_free(&p, b + 1, 1) == -EINVAL, "a misaligned free is refused");
    check(page_pool_free(&p, BASE - PAGE, 1) == -EINVAL, "a free below the pool is refused");
    check(page_pool_free(&p, BASE + 100 * PAGE, 1) == -EINVAL, "a free past the pool is refused");
    check(page_pool_free(&p, b, 5) == -EINVAL,
          "a free reaching past an allocation is refused and changes nothing");
    check(p.nfree == 97, "the refused frees changed nothing");
    check(page_pool_free(&p, b, 0) == -EINVAL, "a free of zero pages is refused");
    check(page_pool_free(&p, b, (size_t)-1) == -EINVAL, "a free of a huge count is refused");
    check(page_pool_alloc(&p, 0) == 0, "an allocation of zero pages fails");
    check(page_pool_alloc(&p, 200) == 0, "an allocation larger than the pool fails");
    page_pool_free(&p, b, 3);
    check(p.nfree == 100, "everything freed is free again");

    uintptr_t got[101];
    int n = 0;
    while ((got[n] = page_pool_alloc(&p, 1)) != 0)
        n++;
    check(n == 100, "exactly every page can be allocated once");
    int distinct = 1;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            distinct &= got[i] != got[j];
    check(distinct, "no page is handed out twice");
    check(page_pool_alloc(&p, 1) == 0, "an empty pool fails cleanly");
    for (int i = 0; i < n; i += 2)
        page_pool_free(&p, got[i], 1);
    check(page_pool_alloc(&p, 2) == 0, "no run of two exists in a pool freed every other page");
    check(page_pool_alloc(&p, 1) != 0, "single pages are still found");
    free(bits);

    fresh(&p, 1000, &bits);
    page_pool_reserve(&p, BASE + 10 * PAGE, 5 * PAGE + 1);
    check(p.nfree == 994, "a reservation covers every page it touches");
    page_pool_reserve(&p, BASE + 12 * PAGE, PAGE);
    check(p.nfree == 994, "reserving a reserved page again changes nothing");
    page_pool_reserve(&p, BASE - 10 * PAGE, 11 * PAGE);
    check(p.nfree == 993, "a reservation starting below the pool is clipped");
    check(page_pool_reserve(&p, (uintptr_t)-PAGE, 2 * PAGE) == -EINVAL,
          "a wrapping reservation is refused");
    uintptr_t run = page_pool_alloc(&p, 20);
    check(run == BASE + 16 * PAGE, "a run skips reserved pages");
    free(bits);

    srand(1);
    fresh(&p, 4096, &bits);
    uintptr_t live[512] = {0};
    size_t lens[512] = {0};
    int ok = 1;
    for (int i = 0; i < 200000; i++) {
        int k = rand() % 512;
        if (live[k]) {
            ok &= page_pool_free(&p, live[k], lens[k]) == 0;
            live[k] = 0;
        } else {
            lens[k] = 1 + rand() % 16;
            live[k] = page_pool_alloc(&p, lens[k]);
        }
    }
    size_t used = 0;
    for (int k = 0; k < 512; k++)
        if (live[k])
            used += lens[k];
    check(ok && p.nfree + used == 4096, "200000 random allocations and frees keep the count");
    free(bits);
    return failures ? 1 : 0;
}
