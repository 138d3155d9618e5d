#include "core/burst/shmrules.h"

#include "core/common/tr.h"
#include "core/kube/quantity.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <limits>
#include <optional>

namespace core::burst {

namespace {

const QString kShmPath = QStringLiteral("/dev/shm");

bool isShmPath(const QString &path)
{
    return path == kShmPath || path == kShmPath + u'/';
}

// mount(8)'s tmpfs size: a number with an optional k, m or g (binary units).
qint64 mountSizeBytes(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)([kKmMgG]?)$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return -1;
    bool ok = false;
    const qint64 n = m.captured(1).toLongLong(&ok);
    if (!ok)
        return -1;
    const QChar unit = m.captured(2).isEmpty() ? QChar() : m.captured(2).at(0).toLower();
    const int shift = unit == u'k' ? 10 : unit == u'm' ? 20 : unit == u'g' ? 30 : 0;
    if (n > (std::numeric_limits<qint64>::max() >> shift))
        return -1;
    return n << shift;
}

bool addsSysAdmin(const QJsonObject &container)
{
    const QJsonArray add =
        container.value(u"securityContext").toObject().value(u"capabilities").toObject().value(
            u"add").toArray();
    for (const QJsonValue &c : add) {
        if (c.toString() == u"SYS_ADMIN" || c.toString() == u"CAP_SYS_ADMIN")
            return true;
    }
    return false;
}

// The remount in one command or args entry: a shell segment naming mount, remount and /dev/shm.
std::optional<qint64> remountIn(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[;&|\\n]"));
    static const QRegularExpression size(QStringLiteral("size=([^,\\s]+)"));
    static const QRegularExpression mountWord(QStringLiteral("(^|\\s|/)mount\\s"));
    for (const QString &segment : text.split(separators, Qt::SkipEmptyParts)) {
        if (!segment.contains(mountWord) || !segment.contains(u"remount") ||
            !segment.contains(kShmPath))
            continue;
        const QRegularExpressionMatch m = size.match(segment);
        return m.hasMatch() ? mountSizeBytes(m.captured(1)) : qint64(-1);
    }
    return std::nullopt;
}

QString bytesText(qint64 bytes)
{
    return kube::formatMemoryBytes(bytes);
}

} // namespace

QList<ShmUse> findShmUses(const QJsonObject &podSpec)
{
    QHash<QString, qint64> memoryDirs; // name -> sizeLimit bytes (-1 none)
    for (const QJsonValue &v : podSpec.value(u"volumes").toArray()) {
        const QJsonObject volume = v.toObject();
        const QJsonObject emptyDir = volume.value(u"emptyDir").toObject();
        if (emptyDir.value(u"medium").toString() != u"Memory")
            continue;
        qint64 limit = -1;
        const QJsonValue sizeLimit = emptyDir.value(u"sizeLimit");
        if (sizeLimit.isString() || sizeLimit.isDouble()) {
            const auto q = kube::Quantity::parse(
                sizeLimit.isString() ? sizeLimit.toString()
                                     : QString::number(sizeLimit.toDouble(), 'g', 17));
            limit = q ? q->value() : -1;
        }
        memoryDirs.insert(volume.value(u"name").toString(), limit);
    }
    QList<ShmUse> out;
    for (const QString &key : {QStringLiteral("initContainers"), QStringLiteral("containers")}) {
        const QJsonArray list = podSpec.value(key).toArray();
        for (int i = 0; i < list.size(); ++i) {
            const QJsonObject c = list.at(i).toObject();
            const QString cpath = QStringLiteral("%1[%2]").arg(key).arg(i);
            const QJsonArray mounts = c.value(u"volumeMounts").toArray();
            for (int m = 0; m < mounts.size(); ++m) {
                const QJsonObject mount = mounts.at(m).toObject();
                const QString name = mount.value(u"name").toString();
                if (memoryDirs.contains(name) && isShmPath(mount.value(u"mountPath").toString()))
                    out.append({ShmUse::Way::MemoryEmptyDir,
                                cpath + QStringLiteral(".volumeMounts[%1]").arg(m), name,
                                memoryDirs.value(name), true});
            }
            // A shell string ("sh -c '...'") names it in one entry; an exec form spreads it over
            // the words, read together at the command.
            QStringList all;
            bool found = false;
            for (const QString &field : {QStringLiteral("command"), QStringLiteral("args")}) {
                const QJsonArray words = c.value(field).toArray();
                for (int w = 0; w < words.size() && !found; ++w) {
                    all.append(words.at(w).toString());
                    if (const auto bytes = remountIn(words.at(w).toString())) {
                        out.append({ShmUse::Way::Remount,
                                    cpath + QStringLiteral(".%1[%2]").arg(field).arg(w),
                                    c.value(u"name").toString(), *bytes, addsSysAdmin(c)});
                        found = true;
                    }
                }
            }
            if (const auto bytes = found ? std::nullopt : remountIn(all.join(u' ')))
                out.append({ShmUse::Way::Remount,
                            cpath + (c.contains(u"command") ? QStringLiteral(".command")
                                                            : QStringLiteral(".args")),
                            c.value(u"name").toString(), *bytes, addsSysAdmin(c)});
        }
    }
    return out;
}

Diagnostics checkShm(const QJsonObject &podSpec, qint64 podMemoryBytes)
{
    Diagnostics out;
    const QList<ShmUse> uses = findShmUses(podSpec);
    bool emptyDirWay = false;
    for (const ShmUse &u : uses)
        emptyDirWay = emptyDirWay || u.way == ShmUse::Way::MemoryEmptyDir;
    const QString suggestion =
        podMemoryBytes > 0
            ? Tr::tr("Size /dev/shm to %1, 50% of the pod's memory request (%2).")
                  .arg(bytesText(podMemoryBytes / 2), bytesText(podMemoryBytes))
            : Tr::tr("Give the pod a memory request and size /dev/shm to 50% of it.");
    for (const ShmUse &u : uses) {
        const bool remount = u.way == ShmUse::Way::Remount;
        if (u.sizeBytes < 0 || (podMemoryBytes > 0 && u.sizeBytes * 2 > podMemoryBytes))
            out.append(makeWarning(
                QStringLiteral("volume.shmLarge"), u.path,
                u.sizeBytes < 0
                    ? Tr::tr("/dev/shm has no size limit: it can take all of the pod's memory")
                    : Tr::tr("/dev/shm (%1) may use more than half of the pod's memory")
                          .arg(bytesText(u.sizeBytes)),
                remount ? suggestion
                        : suggestion + u' ' +
                              Tr::tr("Set it as the Memory emptyDir's sizeLimit.")));
        if (remount && emptyDirWay)
            out.append(makeWarning(
                QStringLiteral("shm.bothWays"), u.path,
                Tr::tr("container \"%1\" remounts /dev/shm, which a Memory emptyDir already "
                       "sizes in this pod")
                    .arg(u.name),
                Tr::tr("Use one way only: keep the Memory emptyDir and drop the remount.")));
        if (remount && !u.sysAdmin)
            out.append(makeWarning(
                QStringLiteral("shm.remountNoSysAdmin"), u.path,
                Tr::tr("container \"%1\" remounts /dev/shm without SYS_ADMIN; the mount fails")
                    .arg(u.name),
                Tr::tr("Add SYS_ADMIN to the container's securityContext.capabilities.add, or "
                       "size /dev/shm with a Memory emptyDir instead.")));
        if (u.sizeBytes > 0 && podMemoryBytes > 0 && u.sizeBytes <= podMemoryBytes)
            out.append(makeInfo(
                QStringLiteral("shm.countedInMemory"), u.path,
                Tr::tr("/dev/shm (%1) is taken from the pod's %2 of memory, not added to it: "
                       "the processes have %3 left once it is full")
                    .arg(bytesText(u.sizeBytes), bytesText(podMemoryBytes),
                         bytesText(podMemoryBytes - u.sizeBytes))));
    }
    return out;
}

} // namespace core::burst
