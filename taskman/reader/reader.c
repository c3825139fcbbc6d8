/*
 * taskman-reader, taskman's reader process on QSOE/L (taskman/sel4/reader.c starts it): it
 * asks taskman for a program file to read, reads it as an ordinary client of the server that
 * holds it (readprog.c, the same code as QSOE/N's loader thread) and hands the bytes back in
 * its next request, as one long message. It keeps one buffer, as large as the largest file
 * so far, so a spawn costs it no memory.
 */
#include <errno.h>
#include <proto/taskman.h>
#include <stdio.h>
#include <string.h>
#include <sys/neutrino.h>
#include <taskman/readprog.h>

int main(void)
{
    int coid = ConnectAttach(0, TASKMAN_PID, TASKMAN_CHID, _NTO_SIDE_CHANNEL, 0);
    if (coid < 0) {
        perror("taskman-reader: no connection to taskman");
        return 1;
    }
    static struct tm_reader_job job;
    struct tm_reader done = {TM_READER, 0, 0, 0, 0, 0};
    void *buf = NULL;
    size_t cap = 0, size = 0;
    for (;;) {
        iov_t send[2] = {{&done, sizeof(done)}, {buf, done.err ? 0 : done.size}};
        iov_t reply = {&job, sizeof(job)};
        if (MsgSendv(coid, send, 2, &reply, 1) < 0) {
            perror("taskman-reader: taskman refused");
            return 1;
        }
        done.id = job.id;
        if (job.pathlen >= sizeof(job.path) || job.path[job.pathlen] != '\0')
            done.err = EINVAL;
        else
            done.err = readprog(job.path, job.euid, job.egid, &buf, &cap, &size);
        done.size = done.err ? 0 : size;
    }
}
