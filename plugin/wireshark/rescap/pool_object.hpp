// SPDX-License-Identifier: GPL-2.0-or-later
// C++ objects owned by a wmem pool. Wireshark's exceptions are longjmps: a
// C++ object on the stack between THROW and CATCH is never destroyed, so
// whatever holds memory while epan is called is made here instead: built in
// the pool's memory and destroyed when the pool is freed (for pinfo->pool:
// when the packet's dissection ends, exception or not).
#pragma once

#include <new>
#include <utility>

#include <wsutil/wmem/wmem.h>

#include "wireshark/compat.hpp"

namespace rescap {

template <class T, class... Args>
T *pool_make(wmem_allocator_t *pool, Args &&...args) {
    static_assert(alignof(T) <= 8, "wmem_alloc aligns to 8 octets");
    T *object = new (wmem_alloc(pool, sizeof(T))) T(std::forward<Args>(args)...);
    // Runs before the pool's memory goes (free_all or destroy); once.
    wmem_register_callback(
        pool,
        [](wmem_allocator_t *, wmem_cb_event_t, void *data) -> ws_compat::WmemCallbackResult {
            static_cast<T *>(data)->~T();
            return false;
        },
        object);
    return object;
}

}  // namespace rescap
