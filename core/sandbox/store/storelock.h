#pragma once

#include <QReadWriteLock>

// The store's reader-writer lock: a QReadWriteLock (writers are not starved by a stream of
// lists, as they can be with glibc's default pthread rwlock), told to ThreadSanitizer when the
// build uses it. Qt's lock lives in libQt6Core, which is not instrumented, so without the
// annotations every access it guards is reported as a race (scripts/tsan.sh).
#if defined(__SANITIZE_THREAD__)
#define BURST_STORE_LOCK_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define BURST_STORE_LOCK_TSAN 1
#endif
#endif

#ifdef BURST_STORE_LOCK_TSAN
extern "C" {
void __tsan_mutex_pre_lock(void *addr, unsigned flags);
void __tsan_mutex_post_lock(void *addr, unsigned flags, int recursion);
int __tsan_mutex_pre_unlock(void *addr, unsigned flags);
void __tsan_mutex_post_unlock(void *addr, unsigned flags);
}
#endif

namespace core::sandbox {

class StoreLock
{
public:
    // RAII: a shared (read) or exclusive (write) hold of the lock.
    template <bool Write> class Locker
    {
    public:
        explicit Locker(StoreLock &lock) : m_lock(lock.m_lock)
        {
#ifdef BURST_STORE_LOCK_TSAN
            __tsan_mutex_pre_lock(&m_lock, kFlags);
#endif
            if (Write)
                m_lock.lockForWrite();
            else
                m_lock.lockForRead();
#ifdef BURST_STORE_LOCK_TSAN
            __tsan_mutex_post_lock(&m_lock, kFlags, 0);
#endif
        }
        ~Locker()
        {
#ifdef BURST_STORE_LOCK_TSAN
            __tsan_mutex_pre_unlock(&m_lock, kFlags);
#endif
            m_lock.unlock();
#ifdef BURST_STORE_LOCK_TSAN
            __tsan_mutex_post_unlock(&m_lock, kFlags);
#endif
        }
        Locker(const Locker &) = delete;
        Locker &operator=(const Locker &) = delete;

    private:
        static constexpr unsigned kFlags = Write ? 0 : 8; // __tsan_mutex_read_lock
        QReadWriteLock &m_lock;
    };

private:
    QReadWriteLock m_lock;
};

using StoreReadLocker = StoreLock::Locker<false>;
using StoreWriteLocker = StoreLock::Locker<true>;

} // namespace core::sandbox
