/* The kernel's errno names: the shared ABI values (include/abi/errno.h). */
#include <abi/errno.h>
