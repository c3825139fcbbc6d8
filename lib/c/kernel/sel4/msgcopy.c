/*
 * libc's seL4 layer: a server's way to the parts of a long message that did not come inline,
 * the client's message beyond it (SEL4_LABEL_MSG_READ) and its reply buffers
 * (SEL4_LABEL_MSG_WRITE), asked of taskman-L a chunk at a time. taskman-L, which serves its
 * own channel, defines both functions itself and copies directly.
 */
#include <string.h>

#include "sel4call.h"

__attribute__((weak)) long __sel4_msg_read(unsigned long scoid, unsigned long call,
                                           unsigned long offset, void *dst, unsigned long n)
{
    seL4_IPCBuffer *b = ipcbuf();
    size_t done = 0;
    while (done < n) {
        size_t k = n - done < SEL4_MSG_READ_CHUNK ? n - done : SEL4_MSG_READ_CHUNK;
        seL4_Word mr0 = scoid, mr1 = call, mr2 = offset + done, mr3 = k;
        seL4_MessageInfo_t info =
            sel4_call(SEL4_SLOT_TASKMAN, seL4_MessageInfo_new(SEL4_LABEL_MSG_READ, 0, 0, 4),
                             &mr0, &mr1, &mr2, &mr3);
        if (seL4_MessageInfo_get_label(info) != SEL4_REPLY_OK)
            return -(long)(mr0 ? mr0 : EIO);
        b->msg[2] = mr2;
        b->msg[3] = mr3;
        size_t got = mr0 < k ? mr0 : k;
        memcpy((char *)dst + done, &b->msg[2], got);
        done += got;
        if (got < k)
            break; /* the end of the client's message */
    }
    return (long)done;
}

__attribute__((weak)) long __sel4_msg_write(unsigned long scoid, unsigned long call,
                                            unsigned long offset, const void *src, unsigned long n)
{
    seL4_IPCBuffer *b = ipcbuf();
    size_t done = 0;
    while (done < n) {
        size_t k = n - done < SEL4_MSG_WRITE_CHUNK ? n - done : SEL4_MSG_WRITE_CHUNK;
        memcpy(&b->msg[4], (const char *)src + done, k);
        seL4_Word mr0 = scoid, mr1 = call, mr2 = offset + done, mr3 = k;
        seL4_MessageInfo_t info = sel4_call(
            SEL4_SLOT_TASKMAN, seL4_MessageInfo_new(SEL4_LABEL_MSG_WRITE, 0, 0, 4 + (k + 7) / 8),
            &mr0, &mr1, &mr2, &mr3);
        if (seL4_MessageInfo_get_label(info) != SEL4_REPLY_OK)
            return -(long)(mr0 ? mr0 : EIO);
        size_t put = mr0 < k ? mr0 : k;
        done += put;
        if (put < k)
            break; /* the end of the client's reply buffers */
    }
    return (long)done;
}
