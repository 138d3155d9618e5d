#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace core::sandbox {

struct ExecContext;

// The few files a simulated container shows to cat and ls: the ones kubelet writes into every
// pod (/etc/hostname, /etc/hosts, /etc/resolv.conf) and a plausible /etc/os-release,
// /etc/passwd and /proc/cpuinfo.
class ExecFileSystem
{
public:
    explicit ExecFileSystem(const ExecContext &context);

    std::optional<QByteArray> read(const QString &path) const;
    std::optional<QStringList> list(const QString &directory) const;

private:
    const ExecContext &m_context;
};

} // namespace core::sandbox
