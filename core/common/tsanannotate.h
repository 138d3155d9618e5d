#pragma once

// ThreadSanitizer annotations for hand-overs TSan cannot see (scripts/tsan.sh). Debian's Qt is
// not built with TSan, so a job handed to another thread through Qt's event queue (its lock lives
// inside libQt6Core) looks to TSan like two unsynchronised accesses. Where our code hands memory
// over that way, it says so: tsanRelease(p) before the hand-over on the sending thread,
// tsanAcquire(p) on the receiving thread before touching what was handed over. Both compile to
// nothing outside a TSan build.

#if defined(__SANITIZE_THREAD__)
#define BURST_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define BURST_TSAN 1
#endif
#endif

#ifdef BURST_TSAN
extern "C" void __tsan_acquire(void *addr);
extern "C" void __tsan_release(void *addr);
#endif

namespace core {

inline void tsanRelease([[maybe_unused]] const void *address)
{
#ifdef BURST_TSAN
    __tsan_release(const_cast<void *>(address));
#endif
}

inline void tsanAcquire([[maybe_unused]] const void *address)
{
#ifdef BURST_TSAN
    __tsan_acquire(const_cast<void *>(address));
#endif
}

} // namespace core
