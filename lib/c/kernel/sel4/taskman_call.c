/*
 * libc's seL4 layer: a request to taskman-L with up to four words, whose answer may carry
 * data (include/abi/sel4.h: SEL4_REPLY_OK with MR0 the status, MR1 the bytes, data from MR2).
 * The time requests use it; requests of two words and a status use sel4_taskman_request.
 */
#include <string.h>

#include "sel4call.h"

long sel4_taskman_call(seL4_Word label, const seL4_Word in[4], void *out, size_t outlen)
{
    seL4_Word mr0 = in[0], mr1 = in[1], mr2 = in[2], mr3 = in[3];
    seL4_MessageInfo_t info = sel4_call(
        SEL4_SLOT_TASKMAN, seL4_MessageInfo_new(label, 0, 0, 4), &mr0, &mr1, &mr2, &mr3);
    if (seL4_MessageInfo_get_label(info) != SEL4_REPLY_OK)
        return -(long)(mr0 ? mr0 : EIO);
    if (out && outlen) {
        // The data is in MR2 on: the first two words came back in registers.
        seL4_IPCBuffer *b = ipcbuf();
        b->msg[2] = mr2, b->msg[3] = mr3;
        size_t n = mr1 < outlen ? mr1 : outlen;
        memset(out, 0, outlen);
        memcpy(out, &b->msg[SEL4_MSG_HEADER_WORDS], n);
    }
    return (long)mr0;
}
