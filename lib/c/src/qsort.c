/*
 * qsort as an introsort: quicksort with a median-of-three pivot, insertion sort for short
 * ranges, and heapsort for any range the quicksort has split badly too often, so the worst
 * case stays O(n log n) comparisons. Recursion goes into the smaller part only, so the stack
 * depth is O(log n). Not stable, as ISO C allows.
 */
#include <stddef.h>
#include <stdlib.h>

typedef int (*compare_fn)(const void *, const void *);

// Ranges this short are finished by insertion sort.
#define SHORT_RANGE 12

static void swap_elements(char *a, char *b, size_t size)
{
    if (a == b)
        return;
    for (size_t i = 0; i < size; i++) {
        char t = a[i];
        a[i] = b[i];
        b[i] = t;
    }
}

static void insertion_sort(char *base, size_t n, size_t size, compare_fn cmp)
{
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && cmp(base + (j - 1) * size, base + j * size) > 0; j--)
            swap_elements(base + (j - 1) * size, base + j * size, size);
}

// Restores the max-heap order of the n elements at base below node i.
static void sift_down(char *base, size_t i, size_t n, size_t size, compare_fn cmp)
{
    for (;;) {
        size_t child = 2 * i + 1;
        if (child >= n)
            return;
        if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0)
            child++;
        if (cmp(base + i * size, base + child * size) >= 0)
            return;
        swap_elements(base + i * size, base + child * size, size);
        i = child;
    }
}

static void heap_sort(char *base, size_t n, size_t size, compare_fn cmp)
{
    for (size_t i = n / 2; i-- > 0;)
        sift_down(base, i, n, size, cmp);
    for (size_t end = n - 1; end > 0; end--) {
        swap_elements(base, base + end * size, size);
        sift_down(base, 0, end, size, cmp);
    }
}

// Orders the first, middle and last elements and moves the median to the front as the pivot,
// which leaves an element no larger than it in the middle and one no smaller at the end.
static void choose_pivot(char *base, size_t n, size_t size, compare_fn cmp)
{
    char *first = base, *mid = base + (n / 2) * size, *last = base + (n - 1) * size;
    if (cmp(mid, first) < 0)
        swap_elements(mid, first, size);
    if (cmp(last, mid) < 0) {
        swap_elements(last, mid, size);
        if (cmp(mid, first) < 0)
            swap_elements(mid, first, size);
    }
    swap_elements(first, mid, size);
}

// Partitions n elements around the pivot at base[0] and returns the pivot's final index: all
// before it compare no greater, all after it no smaller. Both scans stop at elements equal to
// the pivot, so runs of equal keys are split evenly.
static size_t partition(char *base, size_t n, size_t size, compare_fn cmp)
{
    size_t i = 1, j = n - 1;
    for (;;) {
        while (i <= j && cmp(base + i * size, base) < 0)
            i++;
        while (j >= i && cmp(base + j * size, base) > 0)
            j--;
        if (i >= j)
            break;
        swap_elements(base + i * size, base + j * size, size);
        i++;
        j--;
    }
    swap_elements(base, base + j * size, size);
    return j;
}

// Sorts n elements; depth is how many more partitions may happen before heapsort takes over.
static void intro_sort(char *base, size_t n, size_t size, compare_fn cmp, int depth)
{
    while (n > SHORT_RANGE) {
        if (depth-- == 0) {
            heap_sort(base, n, size, cmp);
            return;
        }
        choose_pivot(base, n, size, cmp);
        size_t p = partition(base, n, size, cmp);
        char *right = base + (p + 1) * size;
        size_t right_n = n - p - 1;
        if (p < right_n) {
            intro_sort(base, p, size, cmp, depth);
            base = right;
            n = right_n;
        } else {
            intro_sort(right, right_n, size, cmp, depth);
            n = p;
        }
    }
    insertion_sort(base, n, size, cmp);
}

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    int depth = 0;
    if (n < 2 || size == 0)
        return;
    for (size_t m = n; m > 1; m >>= 1)
        depth += 2;
    intro_sort(base, n, size, cmp, depth);
}
