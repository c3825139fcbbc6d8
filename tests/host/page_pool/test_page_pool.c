/*
 * Host tests of the physical page pool: allocation and freeing, contiguous runs, exhaustion,
 * reservations, and the refusal of frees that are out of range, misaligned or double.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "page_pool.h"

#define TEST_MODULE "page_pool"
#include "../harness.h"

#define BASE 0x80000000ul
#define PAGE 4096ul

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
    report(a == BASE, "the first allocation is the first page", NULL);
    report(p.nfree == 99, "an allocation lowers the free count", NULL);
    uintptr_t b = page_pool_alloc(&p, 3);
    report(b == BASE + PAGE, "a run of three follows it", NULL);
    report(page_pool_free(&p, a, 1) == 0, "an allocated page can be freed", NULL);
    report(page_pool_free(&p, a, 1) == -EINVAL, "a double free is refused", NULL);
    report(page_pool_free(&p, b + 1, 1) == -EINVAL, "a misaligned free is refused", NULL);
    report(page_pool_free(&p, BASE - PAGE, 1) == -EINVAL, "a free below the pool is refused", NULL);
    report(page_pool_free(&p, BASE + 100 * PAGE, 1) == -EINVAL, "a free past the pool is refused",
           NULL);
    report(page_pool_free(&p, b, 5) == -EINVAL,
           "a free reaching past an allocation is refused and changes nothing", NULL);
    report(p.nfree == 97, "the refused frees changed nothing", NULL);
    report(page_pool_free(&p, b, 0) == -EINVAL, "a free of zero pages is refused", NULL);
    report(page_pool_free(&p, b, (size_t)-1) == -EINVAL, "a free of a huge count is refused", NULL);
    report(page_pool_alloc(&p, 0) == 0, "an allocation of zero pages fails", NULL);
    report(page_pool_alloc(&p, 200) == 0, "an allocation larger than the pool fails", NULL);
    page_pool_free(&p, b, 3);
    report(p.nfree == 100, "everything freed is free again", NULL);

    uintptr_t got[101];
    int n = 0;
    while ((got[n] = page_pool_alloc(&p, 1)) != 0)
        n++;
    report(n == 100, "exactly every page can be allocated once", NULL);
    int distinct = 1;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            distinct &= got[i] != got[j];
    report(distinct, "no page is handed out twice", NULL);
    report(page_pool_alloc(&p, 1) == 0, "an empty pool fails cleanly", NULL);
    for (int i = 0; i < n; i += 2)
        page_pool_free(&p, got[i], 1);
    report(page_pool_alloc(&p, 2) == 0, "no run of two exists in a pool freed every other page",
           NULL);
    report(page_pool_alloc(&p, 1) != 0, "single pages are still found", NULL);
    free(bits);

    fresh(&p, 1000, &bits);
    page_pool_reserve(&p, BASE + 10 * PAGE, 5 * PAGE + 1);
    report(p.nfree == 994, "a reservation covers every page it touches", NULL);
    page_pool_reserve(&p, BASE + 12 * PAGE, PAGE);
    report(p.nfree == 994, "reserving a reserved page again changes nothing", NULL);
    page_pool_reserve(&p, BASE - 10 * PAGE, 11 * PAGE);
    report(p.nfree == 993, "a reservation starting below the pool is clipped", NULL);
    report(page_pool_reserve(&p, (uintptr_t)-PAGE, 2 * PAGE) == -EINVAL,
           "a wrapping reservation is refused", NULL);
    uintptr_t run = page_pool_alloc(&p, 20);
    report(run == BASE + 16 * PAGE, "a run skips reserved pages", NULL);
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
    report(ok && p.nfree + used == 4096, "200000 random allocations and frees keep the count",
           NULL);
    free(bits);
    return test_summary();
}
