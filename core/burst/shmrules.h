#pragma once

#include "core/common/diagnostic.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace core::burst {

// How a pod sizes /dev/shm, the two ways of guide 3.4.
struct ShmUse
{
    enum class Way { MemoryEmptyDir, Remount };
    Way way = Way::MemoryEmptyDir;
    QString path;          // pod-spec-relative: the volumeMount, or the command/args entry
    QString name;          // the volume's name, or the container's
    qint64 sizeBytes = -1; // sizeLimit / mount size=; -1 when not given or unreadable
    bool sysAdmin = true;  // Remount: the container adds SYS_ADMIN (the mount needs it)
};

// Every /dev/shm sizing of `podSpec`: a medium: Memory emptyDir mounted at /dev/shm, and a
// container whose command or args remount /dev/shm ("mount -o size=4096M -o remount /dev/shm").
// The remount's size takes mount's units (k, m, g: binary; no suffix: bytes; "%" is unread).
QList<ShmUse> findShmUses(const QJsonObject &podSpec);

// Guide 3.4 over the pod after normalization (`podMemoryBytes`: what CCI sets as the pod's
// memory request and limit). Paths relative to the pod spec. Codes:
//   volume.shmLarge (warning)     no size, or more than half the pod's memory; the hint gives the
//                                 guide's size, 50% of the pod's memory request;
//   shm.bothWays (warning)        both ways in one pod (the guide advises against it);
//   shm.remountNoSysAdmin (warning) the remount way without SYS_ADMIN: the mount fails;
//   shm.countedInMemory (info)    /dev/shm is allocated from the pod's memory: CCI adds nothing
//                                 for it (guide), so the normalized size is unchanged and the
//                                 processes have the rest.
Diagnostics checkShm(const QJsonObject &podSpec, qint64 podMemoryBytes);

} // namespace core::burst
