/*
 * Character classes and case mapping for the C locale: the 95 printable ASCII characters, the
 * 33 controls, and nothing above 127. Every function takes an unsigned char value or EOF and
 * answers "no" (or returns the value unchanged) for anything else.
 */
#include <ctype.h>

int isdigit(int c)
{
    return c >= '0' && c <= '9';
}

int isupper(int c)
{
    return c >= 'A' && c <= 'Z';
}

int islower(int c)
{
    return c >= 'a' && c <= 'z';
}

int isalpha(int c)
{
    return isupper(c) || islower(c);
}

int isalnum(int c)
{
    return isalpha(c) || isdigit(c);
}

int isxdigit(int c)
{
    return isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int isblank(int c)
{
    return c == ' ' || c == '\t';
}

// Space, and the five layout controls: \t \n \v \f \r.
int isspace(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

int iscntrl(int c)
{
    return (c >= 0 && c < 32) || c == 127;
}

// Printable means a space or any visible character; graphic means visible.
int isprint(int c)
{
    return c >= 32 && c < 127;
}

int isgraph(int c)
{
    return c > 32 && c < 127;
}

int ispunct(int c)
{
    return isgraph(c) && !isalnum(c);
}

int tolower(int c)
{
    return isupper(c) ? c - 'A' + 'a' : c;
}

int toupper(int c)
{
    return islower(c) ? c - 'a' + 'A' : c;
}
