#pragma once

// A real write failure for tests of saving: while a FileSizeLimit lives, a write of this process
// that would take a regular file past `bytes` fails with EFBIG ("File too large"), as a full disk
// fails it with ENOSPC. It lowers RLIMIT_FSIZE's soft limit and ignores SIGXFSZ (whose default
// action ends the process); both come back when it goes. Keep it around the save under test only:
// Qt Test's own log, when written to a file, meets the limit too.

#include <csignal>
#include <sys/resource.h>

namespace tests {

class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        m_saved = getrlimit(RLIMIT_FSIZE, &m_old) == 0;
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_old;
        limit.rlim_cur = bytes < m_old.rlim_max ? bytes : m_old.rlim_max;
        m_active = m_saved && setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit()
    {
        if (m_saved)
            setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;

    bool active() const { return m_active; }

private:
    rlimit m_old{};
    bool m_saved = false;
    bool m_active = false;
    void (*m_oldHandler)(int) = SIG_DFL;
};

} // namespace tests
