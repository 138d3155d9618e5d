#include "core/sandbox/node/execgpu.h"

#include <QJsonArray>

namespace core::sandbox {

namespace {

struct Model
{
    QLatin1StringView resource;
    QLatin1StringView name;
    int memoryMiB;
};

constexpr Model kModels[] = {
    {QLatin1StringView("nvidia.com/gpu"), QLatin1StringView("Tesla P100-PCIE-16GB"), 16280},
    {QLatin1StringView("nvidia.com/gpu-tesla-v100-32GB"), QLatin1StringView("Tesla V100-SXM2-32GB"),
     32510},
    {QLatin1StringView("nvidia.com/gpu-tesla-v100-16GB"), QLatin1StringView("Tesla V100-SXM2-16GB"),
     16160},
};

// The GPUs of one container (limits, else requests) and the first GPU resource's name.
int containerGpus(const QJsonObject &resources, QString *resource)
{
    for (const QString &section : {QStringLiteral("limits"), QStringLiteral("requests")}) {
        const QJsonObject values = resources.value(section).toObject();
        int count = 0;
        for (auto it = values.begin(); it != values.end(); ++it) {
            if (it.key() != kModels[0].resource &&
                !it.key().startsWith(QString(kModels[0].resource) + u'-'))
                continue;
            count += it.value().isString() ? it.value().toString().toInt() : it.value().toInt();
            if (resource->isEmpty())
                *resource = it.key();
        }
        if (count > 0)
            return count;
    }
    return 0;
}

QString line(const QString &text)
{
    return text.leftJustified(79) + u'\n';
}

} // namespace

QString nvidiaSmiTable(int count, const QString &model, int memoryMiB, const QString &driver)
{
    const QString rule = u'+' + QString(77, u'-') + QStringLiteral("+\n");
    const QString cells = QStringLiteral("+-------------------------------+----------------------+"
                                         "----------------------+\n");
    QString out = rule;
    out += line(QStringLiteral("| NVIDIA-SMI %1  Driver Version: %1  CUDA Version: %2")
                    .arg(driver, driver.startsWith(u"460") ? QStringLiteral("11.2")
                                                           : QStringLiteral("10.1")))
               .replace(78, 1, u'|');
    out += QStringLiteral("|-------------------------------+----------------------+"
                          "----------------------+\n"
                          "| GPU  Name        Persistence-M| Bus-Id        Disp.A |"
                          " Volatile Uncorr. ECC |\n"
                          "| Fan  Temp  Perf  Pwr:Usage/Cap|         Memory-Usage |"
                          " GPU-Util  Compute M. |\n"
                          "|===============================+======================+"
                          "======================|\n");
    for (int i = 0; i < count; ++i) {
        out += QStringLiteral("| %1  %2 On | 00000000:00:%3.0 Off |                    0 |\n")
                   .arg(i, 3)
                   .arg(model.left(21), -21)
                   .arg(10 + i, 2, 16, QLatin1Char('0'));
        out += QStringLiteral("| N/A   34C    P0    25W / 250W |      0MiB / %1MiB |      0%      "
                              "Default |\n")
                   .arg(memoryMiB, 5);
        out += cells;
    }
    out += u'\n' + rule;
    out += line(QStringLiteral("| Processes:")).replace(78, 1, u'|');
    out += line(QStringLiteral("|  GPU   PID   Type   Process name                             "
                               "GPU Memory"))
               .replace(78, 1, u'|');
    out += u'|' + QString(77, u'=') + QStringLiteral("|\n");
    out += line(QStringLiteral("|  No running processes found")).replace(78, 1, u'|');
    out += rule;
    return out;
}

QString nvidiaSmiFor(const QJsonObject &pod)
{
    const QJsonObject spec = pod.value(u"spec").toObject();
    QString resource;
    int count = 0;
    for (const QJsonValue &c : spec.value(u"containers").toArray())
        count += containerGpus(c.toObject().value(u"resources").toObject(), &resource);
    if (count <= 0)
        return {};
    Model model = kModels[0];
    for (const Model &m : kModels) {
        if (m.resource == resource)
            model = m;
    }
    const QString driver = pod.value(u"metadata")
                               .toObject()
                               .value(u"annotations")
                               .toObject()
                               .value(u"cri.cci.io/gpu-driver")
                               .toString();
    return nvidiaSmiTable(count, model.name, model.memoryMiB,
                          driver.startsWith(u"gpu-") ? driver.mid(4) : QStringLiteral("418.126"));
}

} // namespace core::sandbox
