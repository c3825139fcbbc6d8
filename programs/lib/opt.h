/*
 * Short-option parsing in the manner POSIX gives getopt: clustered flags (-la), arguments
 * attached or separate (-n5, -n 5), "--" ends the options, the first operand ends them too.
 * Not for long options, which the utilities do not take.
 */
#ifndef OPT_H
#define OPT_H

struct opt {
    int index;       // the next argv element to look at; operands start here when done
    int pos;         // position inside a cluster of flags
    const char *arg; // the argument of the option just returned
};

// Starts parsing at argv[1].
void opt_init(struct opt *o);

// The next option character of spec ("ab:c": b takes an argument), -1 when the options end,
// '?' after printing a message for an unknown option or a missing argument.
int opt_next(struct opt *o, int argc, char **argv, const char *spec);

#endif
