#include "core/sandbox/node/execfilesystem.h"

#include "core/sandbox/node/execshell.h"

#include <QList>
#include <QPair>

namespace core::sandbox {

ExecFileSystem::ExecFileSystem(const ExecContext &context) : m_context(context) {}

std::optional<QByteArray> ExecFileSystem::read(const QString &path) const
{
    if (path == u"/etc/hostname")
        return m_context.podName.toUtf8() + '\n';
    if (path == u"/etc/hosts") {
        // The file kubelet writes into every pod that does not use the host network.
        return QStringLiteral("# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\t"
                              "localhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\n"
                              "fe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\t"
                              "ip6-allrouters\n%1\t%2\n")
            .arg(m_context.podIp.isEmpty() ? QStringLiteral("172.16.0.2") : m_context.podIp,
                 m_context.podName)
            .toUtf8();
    }
    if (path == u"/etc/resolv.conf")
        return QStringLiteral("search %1.svc.cluster.local svc.cluster.local cluster.local\n"
                              "nameserver 10.247.3.10\noptions ndots:5\n")
            .arg(m_context.nameSpace)
            .toUtf8();
    if (path == u"/etc/os-release") {
        if (m_context.image.contains(u"alpine"))
            return QByteArrayLiteral("NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.19.1\n"
                                     "PRETTY_NAME=\"Alpine Linux v3.19\"\n");
        return QByteArrayLiteral("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian "
                                 "GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\n"
                                 "ID=debian\n");
    }
    if (path == u"/proc/cpuinfo") {
        QByteArray out;
        for (int i = 0; i < 2; ++i)
            out += "processor\t: " + QByteArray::number(i) +
                   "\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) Gold 6278C CPU "
                   "@ 2.60GHz\ncpu MHz\t\t: 2600.000\ncpu cores\t: 2\n\n";
        return out;
    }
    if (path == u"/etc/passwd")
        return QByteArrayLiteral("root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/"
                                 "nonexistent:/usr/sbin/nologin\n");
    return std::nullopt;
}

std::optional<QStringList> ExecFileSystem::list(const QString &directory) const
{
    static const QList<QPair<QString, QString>> kDirs = {
        {QStringLiteral("/"), QStringLiteral("bin dev etc home proc root sys tmp usr var")},
        {QStringLiteral("/etc"), QStringLiteral("hostname hosts os-release passwd resolv.conf")},
        {QStringLiteral("/proc"), QStringLiteral("cpuinfo meminfo")},
        {QStringLiteral("/tmp"), QString()},
        {QStringLiteral("/root"), QString()}};
    for (const auto &dir : kDirs) {
        if (dir.first == directory)
            return dir.second.split(u' ', Qt::SkipEmptyParts);
    }
    return std::nullopt;
}

} // namespace core::sandbox
