/*
 * Intrusive doubly linked lists with a sentinel head: the one container the kernel uses for run
 * queues, wait queues and per-process thread lists.
 */
#ifndef SKIMMER_LIST_H
#define SKIMMER_LIST_H

#include <stdbool.h>
#include <stddef.h>

struct list {
    struct list *next, *prev;
};

static inline void list_init(struct list *l)
{
    l->next = l->prev = l;
}

static inline bool list_empty(const struct list *l)
{
    return l->next == l;
}

static inline void list_insert_before(struct list *pos, struct list *n)
{
    n->prev = pos->prev;
    n->next = pos;
    pos->prev->next = n;
    pos->prev = n;
}

static inline void list_push_back(struct list *l, struct list *n)
{
    list_insert_before(l, n);
}

static inline void list_push_front(struct list *l, struct list *n)
{
    list_insert_before(l->next, n);
}

static inline void list_remove(struct list *n)
{
    n->prev->next = n->next;
    n->next->prev = n->prev;
    n->next = n->prev = n;
}

static inline struct list *list_pop_front(struct list *l)
{
    struct list *n = l->next;
    if (n == l)
        return NULL;
    list_remove(n);
    return n;
}

#define list_for_each(pos, head) for ((pos) = (head)->next; (pos) != (head); (pos) = (pos)->next)

#endif
