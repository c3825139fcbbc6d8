/*
 * lspci's output for one PCI function, in the form Linux's lspci gives it: the one-line
 * summary, and with -v the lines that follow it (subsystem, flags, BARs, capabilities).
 */
#ifndef LSPCI_SHOW_H
#define LSPCI_SHOW_H

#include <proto/pci.h>
#include <stdbool.h>
#include <stdio.h>

#include "pcinames.h"

// Prints the function's line ("00:00.0 Host bridge: ..."), then with verbose its details
// and an empty line.
void show_function(FILE *out, const struct pci_record *r, enum pci_naming how, bool verbose);

#endif
