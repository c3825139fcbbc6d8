/*
 * Kernel object caches: fixed-size objects carved from whole pages and kept on a free list.
 * Objects come back zeroed. Pages are not returned to the page pool; a cache only grows to the
 * most objects it ever held at once.
 */
#include <mm.h>
#include <string.h>

static int grow(struct kobj_cache *c)
{
    char *page = page_alloc(1);
    if (!page)
        return -ENOMEM;
    size_t size = ALIGN_UP(c->size, 16);
    for (size_t off = 0; off + size <= PAGE_SIZE; off += size) {
        *(void **)(page + off) = c->free;
        c->free = page + off;
    }
    return 0;
}

void *kobj_alloc(struct kobj_cache *c)
{
    ASSERT(c->size <= PAGE_SIZE);
    spin_lock(&c->lock);
    if (!c->free && grow(c) < 0) {
        spin_unlock(&c->lock);
        return NULL;
    }
    void *obj = c->free;
    c->free = *(void **)obj;
    c->in_use++;
    spin_unlock(&c->lock);
    memset(obj, 0, c->size);
    return obj;
}

void kobj_free(struct kobj_cache *c, void *obj)
{
    if (!obj)
        return;
    spin_lock(&c->lock);
    *(void **)obj = c->free;
    c->free = obj;
    c->in_use--;
    spin_unlock(&c->lock);
}
