/*
 * strerror: a sentence for each error number QSOE uses (the QNX Neutrino values of
 * <abi/errno.h>, included directly so the table is QSOE's even in a host test). Numbers without
 * one get "Unknown error".
 */
#include <abi/errno.h>
#include <string.h>

static const char *const messages[] = {
    [EOK] = "No error",
    [EPERM] = "Operation not permitted",
    [ENOENT] = "No such file or directory",
    [ESRCH] = "No such process",
    [EINTR] = "Interrupted function call",
    [EIO] = "I/O error",
    [ENXIO] = "No such device or address",
    [E2BIG] = "Argument list too long",
    [ENOEXEC] = "Not an executable format",
    [EBADF] = "Bad file descriptor",
    [ECHILD] = "No child processes",
    [EAGAIN] = "Resource temporarily unavailable",
    [ENOMEM] = "Not enough memory",
    [EACCES] = "Permission denied",
    [EFAULT] = "Bad address",
    [ENOTBLK] = "Block device required",
    [EBUSY] = "Device or resource busy",
    [EEXIST] = "File exists",
    [EXDEV] = "Cross-device link",
    [ENODEV] = "No such device",
    [ENOTDIR] = "Not a directory",
    [EISDIR] = "Is a directory",
    [EINVAL] = "Invalid argument",
    [ENFILE] = "Too many open files in the system",
    [EMFILE] = "Too many open files",
    [ENOTTY] = "Inappropriate I/O control operation",
    [ETXTBSY] = "Text file busy",
    [EFBIG] = "File too large",
    [ENOSPC] = "No space left on device",
    [ESPIPE] = "Invalid seek",
    [EROFS] = "Read-only file system",
    [EMLINK] = "Too many links",
    [EPIPE] = "Broken pipe",
    [EDOM] = "Argument out of the function's domain",
    [ERANGE] = "Result out of range",
    [ENOMSG] = "No message of the desired type",
    [EIDRM] = "Identifier removed",
    [EDEADLK] = "Resource deadlock avoided",
    [ENOLCK] = "No locks available",
    [ECANCELED] = "Operation canceled",
    [ENOTSUP] = "Not supported",
    [EOWNERDEAD] = "Previous owner died",
    [ETIME] = "Timer expired",
    [EBADMSG] = "Bad message",
    [ENAMETOOLONG] = "File name too long",
    [EOVERFLOW] = "Value too large for the data type",
    [EBADFD] = "File descriptor in bad state",
    [EILSEQ] = "Illegal byte sequence",
    [ENOSYS] = "Function not implemented",
    [ELOOP] = "Too many levels of symbolic links",
    [ERESTART] = "Interrupted call should be restarted",
    [ENOTEMPTY] = "Directory not empty",
    [EOPNOTSUPP] = "Operation not supported",
    [EMSGSIZE] = "Message too long",
    [ENOBUFS] = "No buffer space available",
    [ETIMEDOUT] = "Connection timed out",
    [ECONNREFUSED] = "Connection refused",
    [EBADFSYS] = "Corrupted file system detected",
    [EMORE] = "More to do, send message again",
    [ESRVRFAULT] = "Server fault on message pass",
};

// The message for errnum, from a fixed table, so the result never changes and is safe to use
// from any thread.
char *strerror(int errnum)
{
    if (errnum >= 0 && (size_t)errnum < sizeof(messages) / sizeof(messages[0]) &&
        messages[errnum] != NULL)
        return (char *)messages[errnum];
    return "Unknown error";
}
