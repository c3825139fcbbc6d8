#!/bin/sh
# Installs what building and running QSOE needs from Debian's packages, if anything is
# missing. Quiet when everything is there; says exactly what to do when it cannot install.
set -e

need=""
check() { command -v "$1" >/dev/null 2>&1 || need="$need $2"; }
check qemu-system-riscv64 qemu-system-misc
check riscv64-unknown-elf-gcc gcc-riscv64-unknown-elf
check riscv64-unknown-elf-ld binutils-riscv64-unknown-elf
check cpio cpio
check mke2fs e2fsprogs
check e2fsck e2fsprogs
check sgdisk gdisk
check dtc device-tree-compiler
check gcc gcc
check make make
check /usr/bin/python3 python3
# The references the utilities' host tests compare with (tests/host/utils).
check find findutils
check xargs findutils
check grep grep
check /usr/bin/time time
check /usr/bin/kill procps

[ -z "$need" ] && exit 0
need=$(echo $need | tr ' ' '\n' | sort -u | tr '\n' ' ')
echo "setup: installing from Debian: $need"
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO=sudo
    else
        echo "setup: not root and no password-less sudo: run 'sudo apt-get install $need' and retry" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! ${SUDO:-} apt-get update -q >/tmp/qsoe-apt.log 2>&1 ||
   ! ${SUDO:-} apt-get install -y -q --no-install-recommends $need >>/tmp/qsoe-apt.log 2>&1; then
    echo "setup: apt-get could not install $need (no network or no Debian mirror?);" \
         "see /tmp/qsoe-apt.log" >&2
    exit 1
fi
echo "setup: done"
