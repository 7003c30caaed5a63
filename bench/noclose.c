// SPDX-License-Identifier: GPL-2.0-or-later
/* LD_PRELOADed under valgrind by bench/profile.sh: makes dlclose a no-op so
 * that the plugin stays mapped until tshark exits and massif/callgrind can
 * still name its functions when they write their report at exit. */
int dlclose(void *handle) {
    (void)handle;
    return 0;
}
