// SPDX-License-Identifier: GPL-2.0-or-later
// C++ objects owned by a wmem pool. Wireshark's exceptions are longjmps: a
// C++ object on the stack between THROW and CATCH is never destroyed, so
// whatever holds memory while epan is called is made here instead: built in
// the pool's memory and destroyed when the pool is freed (for pinfo->pool:
// when the packet's dissection ends, exception or not).
#pragma once

#include <cstddef>
#include <memory_resource>
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

// A std::pmr resource over a wmem pool, for containers that die with the
// pool (pinfo->pool's block allocator makes an allocation a pointer bump and
// a free nothing). It holds nothing to release: it is made in the pool and
// never destroyed, so it outlives every container that uses it.
class PoolResource final : public std::pmr::memory_resource {
public:
    explicit PoolResource(wmem_allocator_t *pool) : pool_(pool) {}

private:
    // wmem aligns to 8 octets: users hold types that need no more (they say so).
    void *do_allocate(std::size_t bytes, std::size_t) override { return wmem_alloc(pool_, bytes); }
    void do_deallocate(void *p, std::size_t, std::size_t) override { wmem_free(pool_, p); }
    bool do_is_equal(const std::pmr::memory_resource &other) const noexcept override { return this == &other; }

    wmem_allocator_t *pool_;
};

inline std::pmr::memory_resource *pool_resource(wmem_allocator_t *pool) {
    return new (wmem_alloc(pool, sizeof(PoolResource))) PoolResource(pool);
}

}  // namespace rescap
