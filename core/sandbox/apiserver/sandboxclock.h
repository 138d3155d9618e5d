#pragma once

#include <QDateTime>
#include <QMutex>

#include <chrono>

namespace core::sandbox {

// The sandbox's notion of "now". Runs with the wall clock by default; tests (and demos) speed it
// up or step it so that a 30-minute virtual-kubelet lock or a minute-long Job passes in
// milliseconds. Thread-safe: the HTTP thread and the simulation thread both read it.
class SandboxClock
{
public:
    explicit SandboxClock(double speed = 1.0);

    QDateTime now() const; // UTC, millisecond precision
    // Sandbox milliseconds since the clock was created (monotonic, never goes back).
    qint64 elapsedMs() const;
    double speed() const;
    // From now on, one real millisecond is `speed` sandbox milliseconds (> 0).
    void setSpeed(double speed);
    // Jumps forward (tests: "let 30 minutes pass").
    void advance(std::chrono::milliseconds by);

private:
    qint64 elapsedLocked() const;

    mutable QMutex m_mutex;
    QDateTime m_origin;        // sandbox time at the last speed change
    qint64 m_originRealMs = 0; // real monotonic ms at the last speed change
    qint64 m_offsetMs = 0;     // sandbox ms elapsed at the last speed change
    double m_speed = 1.0;
};

} // namespace core::sandbox
