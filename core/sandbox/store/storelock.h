#pragma once

#include "core/common/tsanannotate.h"

#include <QReadWriteLock>

#include <shared_mutex>

// The store's reader-writer lock: a QReadWriteLock (writers are not starved by a stream of
// lists, as they can be with glibc's default pthread rwlock), except under ThreadSanitizer: Qt's
// lock lives in libQt6Core, which is not instrumented, so TSan would take every access it guards
// for a race; that build (scripts/tsan.sh) uses std::shared_mutex, which it sees.
#ifdef BURST_TSAN
#define BURST_STORE_LOCK_STD 1
#endif

namespace core::sandbox {

class StoreLock
{
public:
    // RAII: a shared (read) or exclusive (write) hold of the lock.
    template <bool Write> class Locker
    {
    public:
        explicit Locker(StoreLock &lock) : m_lock(lock) { m_lock.lock(Write); }
        ~Locker() { m_lock.unlock(Write); }
        Locker(const Locker &) = delete;
        Locker &operator=(const Locker &) = delete;

    private:
        StoreLock &m_lock;
    };

private:
#ifdef BURST_STORE_LOCK_STD
    void lock(bool write) { write ? m_lock.lock() : m_lock.lock_shared(); }
    void unlock(bool write) { write ? m_lock.unlock() : m_lock.unlock_shared(); }
    std::shared_mutex m_lock;
#else
    void lock(bool write) { write ? m_lock.lockForWrite() : m_lock.lockForRead(); }
    void unlock(bool) { m_lock.unlock(); }
    QReadWriteLock m_lock;
#endif
};

using StoreReadLocker = StoreLock::Locker<false>;
using StoreWriteLocker = StoreLock::Locker<true>;

} // namespace core::sandbox
