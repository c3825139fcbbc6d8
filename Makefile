# QSOE top-level build. `make run` boots QSOE/N in QEMU (`make run VARIANT=l`: QSOE/L on an
# installed seL4), `make test` runs every test, `make bench` runs the benchmarks. Everything is
# built in build/.

CROSS    ?= riscv64-unknown-elf-
CC        = $(CROSS)gcc
LD        = $(CROSS)ld
OBJCOPY   = $(CROSS)objcopy
HOSTCC   ?= gcc
PYTHON   ?= /usr/bin/python3
QEMU     ?= qemu-system-riscv64
B        := build

GCC_INCLUDE := $(shell $(CC) -print-file-name=include 2>/dev/null)

COMMON_CFLAGS = -std=c11 -Wall -Wextra -Werror -O2 -g -ffreestanding -nostdinc \
                -isystem $(GCC_INCLUDE) -mcmodel=medany -fno-omit-frame-pointer \
                -fno-stack-protector -fno-pic -fno-common -MMD -MP

# The kernel is built without floating point; user code may use it.
KERNEL_CFLAGS = $(COMMON_CFLAGS) -march=rv64imac_zicsr_zifencei -mabi=lp64 \
                -Ikernel/include -Ikernel/arch/riscv64/include -Iinclude -Icommon/include
USER_CFLAGS   = $(COMMON_CFLAGS) -march=rv64gc_zicsr_zifencei -mabi=lp64d \
                -Ilib/c/include -Iinclude -Icommon/include -Itaskman/include

KERNEL_SRCS := $(wildcard kernel/arch/riscv64/*.S kernel/arch/riscv64/*.c kernel/core/*.c \
                          kernel/mm/*.c kernel/lib/*.c kernel/dev/*.c kernel/ipc/*.c kernel/sync/*.c) \
               $(wildcard common/*.c) lib/c/src/string.c
KERNEL_OBJS := $(patsubst %,$(B)/kernel-obj/%.o,$(KERNEL_SRCS))
KERNEL      := $(B)/skimmer.elf

LIBC_SRCS := $(wildcard lib/c/kernel/skimmer/*.S lib/c/kernel/skimmer/*.c lib/c/src/*.c lib/c/arch/riscv64/*.S) \
             common/fmt.c
LIBC_OBJS := $(patsubst %,$(B)/user-obj/%.o,$(LIBC_SRCS))
LIBC      := $(B)/lib/libc.a

LIBTASKMAN_SRCS := $(wildcard taskman/lib/*.c) common/cpio.c common/elf.c common/cmdline.c
LIBTASKMAN_OBJS := $(patsubst %,$(B)/user-obj/%.o,$(LIBTASKMAN_SRCS))
LIBTASKMAN      := $(B)/lib/libtaskman.a

USER_LDFLAGS = -nostdlib -static -Wl,--gc-sections -Wl,-z,max-page-size=4096 -T lib/c/user.ld

# Programs in the boot image: name in the image -> its sources.
PROGRAMS := taskman init devc-ser8250 test/ktest test/fault test/hello test/threads_exit test/unprivileged \
            test/ipc_peer test/tmtest test/family test/rmserver test/devtest \
            pipe slogger sloginfo tmpfs test/srvtest test/fstest test/pipewriter test/stdio_child \
            test/libctest test/msgtest test/passtest test/timetest test/sigtest test/thrtest \
            bench/kernel bench/echo bench/spawn bench/l_msg ps test/args qsh pidin sysinfo shutdown reboot \
            pci-server test/asuser test/unmountreq
taskman_SRCS           := $(wildcard taskman/skimmer/*.c)
init_SRCS              := programs/init/init.c
devc-ser8250_SRCS      := $(wildcard servers/devc-ser8250/*.c)
test/tmtest_SRCS       := tests/guest/taskman/tmtest.c
test/family_SRCS       := tests/guest/programs/family.c
test/rmserver_SRCS     := tests/guest/programs/rmserver.c
pipe_SRCS              := servers/pipe/pipe.c
slogger_SRCS           := servers/slogger/slogger.c
tmpfs_SRCS             := $(wildcard servers/tmpfs/*.c)
pci-server_SRCS        := $(wildcard servers/pci-server/*.c)
sloginfo_SRCS          := programs/sloginfo/sloginfo.c
ps_SRCS                := programs/ps/ps.c programs/lib/procstat.c
pidin_SRCS             := programs/pidin/pidin.c programs/lib/procstat.c
sysinfo_SRCS           := programs/sysinfo/sysinfo.c
shutdown_SRCS          := programs/shutdown/shutdown.c
reboot_SRCS            := programs/shutdown/shutdown.c
qsh_SRCS               := $(wildcard programs/qsh/*.c) programs/lib/filetest.c
test/srvtest_SRCS      := tests/guest/servers/srvtest.c
test/fstest_SRCS       := $(wildcard tests/guest/fs/*.c)
test/pipewriter_SRCS   := tests/guest/programs/pipewriter.c
test/stdio_child_SRCS  := tests/guest/programs/stdio_child.c
test/libctest_SRCS     := tests/guest/libc/libctest.c
test/msgtest_SRCS      := tests/guest/programs/msgtest.c
test/passtest_SRCS     := tests/guest/programs/passtest.c
test/timetest_SRCS     := tests/guest/time/timetest.c
test/sigtest_SRCS      := tests/guest/signals/sigtest.c
test/thrtest_SRCS      := tests/guest/threads/thrtest.c
test/ktest_SRCS        := $(wildcard tests/guest/kernel/*.c)
test/fault_SRCS        := tests/guest/programs/fault.c
test/devtest_SRCS      := tests/guest/programs/devtest.c
test/hello_SRCS        := tests/guest/programs/hello.c
test/threads_exit_SRCS := tests/guest/programs/threads_exit.c
test/unprivileged_SRCS := tests/guest/programs/unprivileged.c
test/ipc_peer_SRCS     := tests/guest/programs/ipc_peer.c
test/args_SRCS         := tests/guest/programs/args.c
test/asuser_SRCS       := tests/guest/programs/asuser.c
test/unmountreq_SRCS   := tests/guest/programs/unmountreq.c
bench/kernel_SRCS      := bench/programs/kernel_bench.c
bench/echo_SRCS        := bench/programs/echo_server.c
bench/spawn_SRCS       := bench/programs/spawn_bench.c
bench/l_msg_SRCS       := bench/programs/msg_pair.c

# The core utilities (docs/utilities.md), in the boot image's bin/ (so /bin/ls), each linked
# with the archive of the helpers in programs/lib that they share.
UTIL_NAMES := basename cat chmod chown cp cut date df dirname du echo env false find grep head \
              kill ln ls lspci mkdir mount mv printf pwd rm rmdir sleep sort tail tee test time \
              touch tr true umount uname uniq wc which xargs yes
UTILS         := $(addprefix bin/,$(UTIL_NAMES))
UTIL_LIB_SRCS := $(wildcard programs/lib/*.c)
UTIL_LIB      := $(B)/lib/libutil.a
$(foreach u,$(UTIL_NAMES),$(eval bin/$(u)_SRCS := $$(wildcard programs/$(u)/*.c)))
$(foreach u,$(UTIL_NAMES),$(eval bin/$(u)_LIBS := $(UTIL_LIB)))
PROGRAMS   += $(UTILS)
$(B)/user-obj/programs/%.o: USER_CFLAGS += -Iprograms/lib
PROGRAM_BINS := $(patsubst %,$(B)/image/%,$(PROGRAMS))

# Scripts in the boot image: tests/guest/programs/x.sh is test/x.sh.
SCRIPTS := $(patsubst tests/guest/programs/%,$(B)/image/test/%,$(wildcard tests/guest/programs/*.sh))
# The shell's cases (tests/host/qsh/cases) go into the boot image too, as test/qsh/*.sh, for
# running them inside QSOE.
QSH_CASES := $(patsubst tests/host/qsh/cases/%,$(B)/image/test/qsh/%,\
                        $(wildcard tests/host/qsh/cases/*.sh))

MODPKG := $(B)/modpkg.cpio

# QSOE/L: the same boot image over seL4, which is installed outside the project (README). The
# image is the loader (boot/sel4-loader) with seL4's kernel, taskman-L and the cpio inside.
SEL4_PREFIX ?= /opt/seL4
SEL4_KERNEL := $(SEL4_PREFIX)/bin/kernel.elf
QSOE_L      := $(B)/qsoe-l.elf
TASKMAN_L   := $(B)/sel4/taskman-l.elf

LOADER_CFLAGS = $(COMMON_CFLAGS) -march=rv64imac_zicsr_zifencei -mabi=lp64 \
                -Ilib/c/include -Iinclude -Icommon/include
LOADER_SRCS := $(wildcard boot/sel4-loader/*.S boot/sel4-loader/*.c) \
               common/elf.c common/fmt.c lib/c/src/string.c
LOADER_OBJS := $(patsubst %,$(B)/loader-obj/%.o,$(LOADER_SRCS))
PAYLOAD_OBJ := $(B)/loader-obj/boot/sel4-loader/payload.S.o

# seL4's headers are GNU C (they use `asm`), hence gnu11 for taskman-L.
TASKMAN_L_CFLAGS = $(COMMON_CFLAGS) -std=gnu11 -march=rv64gc_zicsr_zifencei -mabi=lp64d \
                   -I$(SEL4_PREFIX)/include -Ilib/c/include -Iinclude -Icommon/include \
                   -Itaskman/include
TASKMAN_L_SRCS := $(wildcard taskman/sel4/*.S taskman/sel4/*.c) common/fdt.c
TASKMAN_L_OBJS := $(patsubst %,$(B)/sel4-obj/%.o,$(TASKMAN_L_SRCS))

# QSOE/L's programs: the same sources over libc with the seL4 kernel layer instead of
# Skimmer's (lib/c/kernel/sel4), in their own image tree and cpio. taskman-L replaces taskman;
# test/ktest and bench/kernel, which make raw Skimmer calls, are not in it.
LIBC_L_SRCS := $(wildcard lib/c/kernel/sel4/*.S lib/c/kernel/sel4/*.c)
LIBC_L_OBJS := $(patsubst %,$(B)/l-obj/%.o,$(LIBC_L_SRCS)) \
               $(patsubst %,$(B)/user-obj/%.o,$(wildcard lib/c/src/*.c lib/c/arch/riscv64/*.S) \
                                              common/fmt.c)
LIBC_L      := $(B)/l/lib/libc.a
# taskman-reader, taskman-L's reader process for program files a server holds, is its alone.
PROGRAMS_L  := $(filter-out taskman test/ktest bench/kernel,$(PROGRAMS)) taskman-reader
taskman-reader_SRCS := taskman/reader/reader.c
PROGRAM_BINS_L := $(patsubst %,$(B)/l/image/%,$(PROGRAMS_L))
MODPKG_L    := $(B)/l/modpkg.cpio

VARIANT ?= n
ifeq ($(VARIANT),l)
ifeq ($(wildcard $(SEL4_KERNEL)),)
$(error QSOE/L needs an installed seL4 at $(SEL4_PREFIX) (riscv64, qemu-riscv-virt, MCS, 2 nodes): see README)
endif
VARIANT_NAME := QSOE/L
IMAGES       := $(QSOE_L)
QEMU_FLAGS    = -M virt -smp 2 -m 512M -bios default -nographic -no-reboot -kernel $(QSOE_L)
else
VARIANT_NAME := QSOE/N
IMAGES       := $(KERNEL) $(MODPKG)
QEMU_FLAGS    = -M virt -smp 2 -m 256M -bios default -nographic -no-reboot \
                -kernel $(KERNEL) -initrd $(MODPKG)
endif

.PHONY: all run test test-host test-guest bench setup clean format

all: $(IMAGES)

setup:
	@tools/setup.sh

# run, test and bench build in a second make, so that a compiler setup has just installed is
# found (GCC_INCLUDE is read when a make starts).
run: setup
	@$(MAKE) --no-print-directory all
	@echo "$(VARIANT_NAME): booting in QEMU (leave with Ctrl-A then X)"
	$(QEMU) $(QEMU_FLAGS) $(if $(APPEND),-append "$(APPEND)")

# QSOE/L is built and tested only when seL4 is installed; test_all.py says when it is skipped.
test: setup
	@$(MAKE) --no-print-directory VARIANT=n all
	@if [ -f $(SEL4_KERNEL) ]; then $(MAKE) --no-print-directory VARIANT=l all; fi
	@SEL4_PREFIX=$(SEL4_PREFIX) $(PYTHON) tools/test_all.py

bench: setup
	@$(MAKE) --no-print-directory VARIANT=n all
	@$(PYTHON) bench/run_bench.py
	@if [ -f $(SEL4_KERNEL) ]; then $(MAKE) --no-print-directory VARIANT=l all && \
		$(PYTHON) bench/sel4_insns.py; \
	else echo "bench: QSOE/L skipped: no seL4 installed at $(SEL4_PREFIX) (README)"; fi

# The message-passing path is built without frame pointers (about 180 guest instructions a
# round trip); a backtrace through it skips its frames but still reaches their callers.
FAST_PATH_SRCS := $(wildcard kernel/ipc/*.c) kernel/core/sched.c kernel/core/kercall.c \
                  kernel/core/thread.c kernel/arch/riscv64/trap.c kernel/arch/riscv64/mmu.c
$(patsubst %,$(B)/kernel-obj/%.o,$(FAST_PATH_SRCS)): KERNEL_CFLAGS += -fomit-frame-pointer

$(B)/kernel-obj/%.o: % Makefile
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(KERNEL_CFLAGS) -c $< -o $@

$(KERNEL): $(KERNEL_OBJS) kernel/arch/riscv64/kernel.ld
	@echo "  LD      $@"
	@$(LD) -nostdlib -T kernel/arch/riscv64/kernel.ld -o $@ $(KERNEL_OBJS) \
		$(shell $(CC) -march=rv64imac -mabi=lp64 -print-libgcc-file-name)

$(B)/user-obj/%.o: %
	@mkdir -p $(dir $@)
	@echo "  CC      $< (user)"
	@$(CC) $(USER_CFLAGS) -c $< -o $@

$(LIBC): $(LIBC_OBJS)
	@mkdir -p $(dir $@)
	@rm -f $@
	@$(CROSS)ar rcs $@ $^

$(LIBTASKMAN): $(LIBTASKMAN_OBJS)
	@mkdir -p $(dir $@)
	@rm -f $@
	@$(CROSS)ar rcs $@ $^

$(UTIL_LIB): $(patsubst %,$(B)/user-obj/%.o,$(UTIL_LIB_SRCS))
	@mkdir -p $(dir $@)
	@rm -f $@
	@$(CROSS)ar rcs $@ $^

# A program is linked with its debugging information into build/elf/ (for gdb) and goes into
# the boot image without it (seven times smaller; the symbols stay for backtraces and profiles).
define PROGRAM_RULE
$(B)/elf/$(1): $$(patsubst %,$(B)/user-obj/%.o,$$($(1)_SRCS)) $$($(1)_LIBS) $(LIBTASKMAN) $(LIBC) \
		lib/c/user.ld
	@mkdir -p $$(dir $$@)
	@echo "  LINK    $$@"
	@$(CC) $(USER_CFLAGS) $(USER_LDFLAGS) -o $$@ $$(patsubst %,$(B)/user-obj/%.o,$$($(1)_SRCS)) \
		$$($(1)_LIBS) $(LIBTASKMAN) $(LIBC) -lgcc
$(B)/image/$(1): $(B)/elf/$(1)
	@mkdir -p $$(dir $$@)
	@$(OBJCOPY) --strip-debug $$< $$@
endef
$(foreach p,$(PROGRAMS),$(eval $(call PROGRAM_RULE,$(p))))

$(B)/loader-obj/%.o: % Makefile
	@mkdir -p $(dir $@)
	@echo "  CC      $< (loader)"
	@$(CC) $(LOADER_CFLAGS) -c $< -o $@

$(PAYLOAD_OBJ): LOADER_CFLAGS += -DSEL4_KERNEL_ELF='"$(SEL4_KERNEL)"' \
                                 -DROOT_TASK_ELF='"$(TASKMAN_L)"' -DBOOT_CPIO='"$(MODPKG_L)"'
$(PAYLOAD_OBJ): $(SEL4_KERNEL) $(TASKMAN_L) $(MODPKG_L)

# libc's seL4 layer includes seL4's headers, which are GNU C; NDEBUG drops libsel4's debug
# asserts (the layer checks message lengths itself).
$(B)/l-obj/%.o: % Makefile
	@mkdir -p $(dir $@)
	@echo "  CC      $< (QSOE/L user)"
	@$(CC) $(USER_CFLAGS) -std=gnu11 -DNDEBUG -I$(SEL4_PREFIX)/include -c $< -o $@

$(LIBC_L): $(LIBC_L_OBJS)
	@mkdir -p $(dir $@)
	@rm -f $@
	@$(CROSS)ar rcs $@ $^

define PROGRAM_RULE_L
$(B)/l/elf/$(1): $$(patsubst %,$(B)/user-obj/%.o,$$($(1)_SRCS)) $$($(1)_LIBS) $(LIBTASKMAN) $(LIBC_L) \
		lib/c/user.ld
	@mkdir -p $$(dir $$@)
	@echo "  LINK    $$@ (QSOE/L)"
	@$(CC) $(USER_CFLAGS) $(USER_LDFLAGS) -o $$@ $$(patsubst %,$(B)/user-obj/%.o,$$($(1)_SRCS)) \
		$$($(1)_LIBS) $(LIBTASKMAN) $(LIBC_L) -lgcc
$(B)/l/image/$(1): $(B)/l/elf/$(1)
	@mkdir -p $$(dir $$@)
	@$(OBJCOPY) --strip-debug $$< $$@
endef
$(foreach p,$(PROGRAMS_L),$(eval $(call PROGRAM_RULE_L,$(p))))


$(QSOE_L): $(LOADER_OBJS) boot/sel4-loader/loader.ld
	@echo "  LD      $@"
	@$(LD) -nostdlib -T boot/sel4-loader/loader.ld -o $@ $(LOADER_OBJS) \
		$(shell $(CC) -march=rv64imac -mabi=lp64 -print-libgcc-file-name)

$(B)/sel4-obj/%.o: % Makefile
	@mkdir -p $(dir $@)
	@echo "  CC      $< (seL4 user)"
	@$(CC) $(TASKMAN_L_CFLAGS) -c $< -o $@

# taskman-L is the shared taskman body over libc's seL4 layer, like any QSOE/L program, with
# its own part (taskman/sel4) defining the privileged calls.
$(TASKMAN_L): $(TASKMAN_L_OBJS) $(LIBTASKMAN) $(LIBC_L) taskman/sel4/taskman-l.ld
	@mkdir -p $(dir $@)
	@echo "  LINK    $@"
	@$(CC) $(TASKMAN_L_CFLAGS) -nostdlib -static -Wl,--gc-sections -Wl,-z,max-page-size=4096 \
		-T taskman/sel4/taskman-l.ld -o $@ $(TASKMAN_L_OBJS) $(LIBTASKMAN) $(LIBC_L) -lgcc

$(B)/image/test/%.sh: tests/guest/programs/%.sh
	@mkdir -p $(dir $@)
	@cp $< $@

# Files of the boot image's tree that are not programs: rootfs/etc/passwd is etc/passwd.
ROOTFS_FILES := $(patsubst rootfs/%,$(B)/image/%,$(shell find rootfs -type f))
$(B)/image/%: rootfs/%
	@mkdir -p $(dir $@)
	@cp $< $@

$(B)/image/test/qsh/%.sh: tests/host/qsh/cases/%.sh
	@mkdir -p $(dir $@)
	@cp $< $@

$(MODPKG): $(PROGRAM_BINS) $(SCRIPTS) $(QSH_CASES) $(ROOTFS_FILES)
	@echo "  CPIO    $@"
	@cd $(B)/image && printf '%s\n' $(patsubst $(B)/image/%,%,$^) | sort | \
		cpio -o -H newc --quiet > ../modpkg.cpio

$(B)/l/image/test/%.sh: tests/guest/programs/%.sh
	@mkdir -p $(dir $@)
	@cp $< $@

$(B)/l/image/%: rootfs/%
	@mkdir -p $(dir $@)
	@cp $< $@

$(B)/l/image/test/qsh/%.sh: tests/host/qsh/cases/%.sh
	@mkdir -p $(dir $@)
	@cp $< $@

# taskman-L is the root task, not loaded from the cpio; it is in it as /proc/boot/taskman all
# the same, as taskman is on QSOE/N.
$(B)/l/image/taskman: $(TASKMAN_L)
	@mkdir -p $(dir $@)
	@cp $< $@

$(MODPKG_L): $(PROGRAM_BINS_L) $(B)/l/image/taskman \
             $(patsubst $(B)/image/%,$(B)/l/image/%,$(SCRIPTS) $(QSH_CASES) $(ROOTFS_FILES))
	@echo "  CPIO    $@"
	@cd $(B)/l/image && printf '%s\n' $(patsubst $(B)/l/image/%,%,$^) | sort | \
		cpio -o -H newc --quiet > ../modpkg.cpio

format:
	@clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(B)

-include $(shell find $(B) -name '*.d' 2>/dev/null)
