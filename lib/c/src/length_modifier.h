/*
 * The length modifiers of printf and scanf conversions (hh h l ll j z t L), internal to the C
 * library: both parse them the same way and store a %n count, or a scanned integer, through a
 * pointer of the type they name.
 */
#ifndef QSOE_LIBC_LENGTH_MODIFIER_H
#define QSOE_LIBC_LENGTH_MODIFIER_H

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_J, LEN_Z, LEN_T, LEN_BIG_L };

/* Reads the length modifier at *fmt, if any, and moves *fmt past it. */
enum length length_parse(const char **fmt);

/*
 * Stores v, converted, through p, which points to the integer type len names: int without a
 * modifier; long long for L, as the common libraries treat it on integer conversions.
 */
void length_store(void *p, enum length len, unsigned long long v);

#endif
