#include "core/burst/ccigpu.h"

#include "core/burst/cciconventions.h"
#include "core/common/tr.h"
#include "core/kube/quantity.h"

#include <QJsonArray>

#include <algorithm>

namespace core::burst {

namespace {

const QStringList kDrivers = {QStringLiteral("gpu-418.126"), QStringLiteral("gpu-460.106")};

bool isGpuResource(const QString &name)
{
    return name == kGpuResource || name.startsWith(kGpuResource + u'-');
}

// The GPU count of one container: limits first, else requests.
int containerGpus(const QJsonObject &resources, const QString &containerPath, GpuRequest &out)
{
    for (const QString &section : {QStringLiteral("limits"), QStringLiteral("requests")}) {
        const QJsonObject values = resources.value(section).toObject();
        int count = 0;
        bool found = false;
        for (auto it = values.begin(); it != values.end(); ++it) {
            if (!isGpuResource(it.key()))
                continue;
            const QString text = it.value().isString()
                                     ? it.value().toString()
                                     : QString::number(it.value().toDouble(), 'g', 17);
            const auto q = kube::Quantity::parse(text);
            if (!q || q->sign() < 0 || q->milliValue() % 1000 != 0) {
                out.invalid = true;
                continue;
            }
            if (out.resource.isEmpty()) {
                out.resource = it.key();
                out.path = containerPath + QStringLiteral(".resources.") + section +
                           QStringLiteral("[\"") + it.key() + QStringLiteral("\"]");
            }
            count += int(q->value());
            found = true;
        }
        if (found)
            return count;
    }
    return 0;
}

} // namespace

GpuRequest readGpuRequest(const QJsonObject &podSpec)
{
    GpuRequest out;
    int sum = 0;
    int initMax = 0;
    for (const QString &key : {QStringLiteral("containers"), QStringLiteral("initContainers")}) {
        const QJsonArray list = podSpec.value(key).toArray();
        for (int i = 0; i < list.size(); ++i) {
            const int n = containerGpus(list.at(i).toObject().value(u"resources").toObject(),
                                        QStringLiteral("%1[%2]").arg(key).arg(i), out);
            if (key == u"containers")
                sum += n;
            else
                initMax = std::max(initMax, n);
        }
    }
    out.count = std::max(sum, initMax);
    return out;
}

bool isGpuCountOffered(int count)
{
    return count == 1 || count == 2 || count == 4 || count == 8;
}

PodTotals gpuSpecFor(int count)
{
    return PodTotals{4000 * qint64(count), 32 * kGi * count};
}

QString gpuDriverVersion(const QJsonObject &podAnnotations)
{
    const QString value = podAnnotations.value(kGpuDriverAnnotation).toString();
    return value.startsWith(u"gpu-") ? value.mid(4) : kDefaultGpuDriver;
}

Diagnostics checkGpuPod(const GpuRequest &gpu, const QJsonObject &podAnnotations,
                        NamespaceFlavor flavor, const QString &annotationsPath)
{
    Diagnostics out;
    if (gpu.invalid)
        out.append(makeError(QStringLiteral("gpu.invalid"), gpu.path.isEmpty() ? QStringLiteral("containers") : gpu.path,
                             Tr::tr("a GPU count is not a whole number of GPUs"),
                             Tr::tr("Ask for GPUs as a whole number, for example \"1\".")));
    if (gpu.count <= 0)
        return out;
    if (flavor == NamespaceFlavor::GeneralComputing)
        out.append(makeError(QStringLiteral("gpu.namespaceFlavor"), gpu.path,
                             Tr::tr("the pod asks for %n GPU(s) but its namespace is "
                                    "general-computing",
                                    nullptr, gpu.count),
                             Tr::tr("Run GPU pods in a namespace whose %1 is %2.")
                                 .arg(kNamespaceFlavorAnnotation, kFlavorGpuAccelerated)));
    if (!isGpuCountOffered(gpu.count))
        out.append(makeError(QStringLiteral("gpu.count"), gpu.path,
                             Tr::tr("the pod asks for %n GPU(s); CCI offers 1, 2, 4 or 8", nullptr,
                                    gpu.count),
                             Tr::tr("Ask for 1, 2, 4 or 8 GPUs in total.")));
    const QString driverPath = u'@' + annotationsPath + QStringLiteral("[\"") +
                               kGpuDriverAnnotation + QStringLiteral("\"]");
    const QJsonValue driver = podAnnotations.value(kGpuDriverAnnotation);
    if (driver.isUndefined() || driver.isNull())
        out.append(makeWarning(QStringLiteral("gpu.driver"), driverPath,
                               Tr::tr("GPU pod without %1; CCI picks the driver version")
                                   .arg(kGpuDriverAnnotation),
                               Tr::tr("Set %1 to %2 (CUDA 10.1 and earlier, as in the guide) or %3 "
                                      "(CUDA 11.2).")
                                   .arg(kGpuDriverAnnotation, kDrivers.at(0), kDrivers.at(1))));
    else if (!kDrivers.contains(driver.toString()))
        out.append(makeError(QStringLiteral("gpu.driver"), driverPath,
                             Tr::tr("GPU driver \"%1\" is not one CCI offers").arg(driver.toString()),
                             Tr::tr("Use %1 or %2.").arg(kDrivers.at(0), kDrivers.at(1))));
    return out;
}

} // namespace core::burst
