#include "core/sandbox/apiserver/sandboxclock.h"

namespace core::sandbox {

namespace {

qint64 realMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

SandboxClock::SandboxClock(double speed)
    : m_origin(QDateTime::currentDateTimeUtc()), m_originRealMs(realMs()),
      m_speed(speed > 0 ? speed : 1.0)
{
}

qint64 SandboxClock::elapsedLocked() const
{
    return m_offsetMs + qint64(double(realMs() - m_originRealMs) * m_speed);
}

QDateTime SandboxClock::now() const
{
    QMutexLocker lock(&m_mutex);
    return m_origin.addMSecs(elapsedLocked() - m_offsetMs);
}

qint64 SandboxClock::elapsedMs() const
{
    QMutexLocker lock(&m_mutex);
    return elapsedLocked();
}

double SandboxClock::speed() const
{
    QMutexLocker lock(&m_mutex);
    return m_speed;
}

void SandboxClock::setSpeed(double speed)
{
    QMutexLocker lock(&m_mutex);
    const qint64 elapsed = elapsedLocked();
    m_origin = m_origin.addMSecs(elapsed - m_offsetMs);
    m_offsetMs = elapsed;
    m_originRealMs = realMs();
    m_speed = speed > 0 ? speed : m_speed;
}

void SandboxClock::advance(std::chrono::milliseconds by)
{
    QMutexLocker lock(&m_mutex);
    if (by.count() <= 0)
        return;
    const qint64 elapsed = elapsedLocked();
    m_origin = m_origin.addMSecs(elapsed - m_offsetMs + by.count());
    m_offsetMs = elapsed + by.count();
    m_originRealMs = realMs();
}

} // namespace core::sandbox
