// SPDX-License-Identifier: GPL-2.0-or-later
/* A deliberately broken Wireshark plugin for scripts/sanitize.sh: proves that
 * a sanitizer report raised inside a plugin that tshark loads (as nobody,
 * through the LD_PRELOADed ASan/UBSan runtimes) really surfaces. At
 * registration it does what $RESCAP_CANARY says: "asan" reads past a heap
 * block, "ubsan" overflows a signed int, anything else nothing. Built by
 * sanitize.sh with the same -fsanitize flags as the RESCAP_SANITIZE build;
 * never installed. */
#include <stdlib.h>
#include <string.h>

__attribute__((visibility("default"))) const char plugin_version[] = "0.0.0";
/* tshark loads only a plugin built for its own minor version: sanitize.sh
 * passes the running tshark's. */
#if !defined(CANARY_WANT_MAJOR) || !defined(CANARY_WANT_MINOR)
#error "build with -DCANARY_WANT_MAJOR=<tshark major> -DCANARY_WANT_MINOR=<tshark minor>"
#endif
__attribute__((visibility("default"))) const int plugin_want_major = CANARY_WANT_MAJOR;
__attribute__((visibility("default"))) const int plugin_want_minor = CANARY_WANT_MINOR;

volatile int canary_sink;

__attribute__((visibility("default"))) void plugin_register(void) {
    const char *what = getenv("RESCAP_CANARY");
    if (what == NULL) return;
    if (strcmp(what, "asan") == 0) {
        char *block = malloc(8);
        memset(block, 0, 8);
        volatile size_t at = 8;
        canary_sink = block[at]; /* heap-buffer-overflow */
        free(block);
    } else if (strcmp(what, "ubsan") == 0) {
        volatile int big = 0x7fffffff;
        canary_sink = big + 1; /* signed-integer-overflow */
    }
}
