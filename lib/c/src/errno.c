/* The error number of the last failed call (per process until threads get their own). */
#include <errno.h>

int errno;
