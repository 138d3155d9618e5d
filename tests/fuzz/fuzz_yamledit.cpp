#include "core/kube/jsonyaml.h"
#include "core/kube/manifestloader.h"
#include "core/kube/yamledit.h"
#include "tests/fuzz/fuzzinput.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// The workbench's promise for a targeted YAML edit: a random edit (set or remove) at a random
// path of a random object either is refused, or the file reads back with exactly that field of
// that object changed and every other object as it was. Fields (cut at NUL): the manifest, the
// choices (object, operation, one byte per path step), the value as JSON (else a string).
namespace {

using core::kube::LoadResult;
using core::kube::ManifestObject;

// Walks `object` by `steps`: an existing key or item each step, or a new key, or stops.
QStringList pathFrom(const QJsonObject &object, const QByteArray &steps)
{
    QStringList path;
    QJsonValue at = object;
    for (const char step : steps) {
        const int choice = quint8(step);
        if (at.isObject()) {
            const QStringList keys = at.toObject().keys();
            if (choice % (keys.size() + 1) == keys.size()) {
                path.append(QStringLiteral("fuzzed"));
                break;
            }
            path.append(keys.at(choice % (keys.size() + 1)));
            at = at.toObject().value(path.last());
        } else if (at.isArray()) {
            const qsizetype size = at.toArray().size();
            const qsizetype index = choice % (size + 1); // == size: one past the end
            path.append(u'[' + QString::number(index) + u']');
            at = at.toArray().at(index);
        } else {
            break;
        }
        if (path.size() >= 12)
            break;
    }
    if (path.isEmpty())
        path.append(QStringLiteral("fuzzed"));
    return path;
}

QJsonValue valueFrom(const QByteArray &text)
{
    const QJsonArray wrapped = QJsonDocument::fromJson('[' + text + ']').array();
    if (wrapped.size() == 1)
        return wrapped.first();
    return QString::fromUtf8(text);
}

QStringList itemPrefix(const QString &itemPath)
{
    if (itemPath.isEmpty())
        return {};
    return {QStringLiteral("items"), itemPath.mid(itemPath.indexOf(u'['))};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool once = (fuzz::quiet(), true);
    Q_UNUSED(once);
    const QList<QByteArray> field = fuzz::fields(data, size, 3);
    const QString file = QStringLiteral("fuzz.yaml");
    const QString source = QString::fromUtf8(field.at(0));
    const QByteArray &choices = field.at(1);
    const LoadResult before = core::kube::loadManifests(source.toUtf8(), file);
    if (!before.errors.isEmpty() || before.objects.isEmpty() || choices.size() < 2)
        return 0;
    const qsizetype target = quint8(choices.at(0)) % before.objects.size();
    const bool remove = quint8(choices.at(1)) % 2 == 1;
    const ManifestObject &object = before.objects.at(target);
    const QStringList path = pathFrom(object.object, choices.mid(2));
    const QStringList editPath = itemPrefix(object.itemPath) + path;
    const QJsonValue value = valueFrom(field.at(2));

    const core::Result<QString> after =
        remove ? core::kube::yamledit::removeValue(source, object.document, editPath)
               : core::kube::yamledit::setValue(source, object.document, editPath, value);
    if (!after)
        return 0; // refused: allowed
    const QJsonObject expected =
        core::kube::withValueAt(object.object, path,
                                remove ? std::nullopt : std::optional<QJsonValue>(value))
            .toObject();
    const QByteArray context = (remove ? "remove " : "set ") + editPath.join(u'/').toUtf8() +
                               " = " + QJsonDocument(QJsonArray{value}).toJson() +
                               "\n--- before\n" + source.toUtf8() + "\n--- after\n" +
                               after->toUtf8();
    const LoadResult reloaded = core::kube::loadManifests(after->toUtf8(), file);
    if (!reloaded.errors.isEmpty() || reloaded.objects.size() != before.objects.size()) {
        // Only when the edited object itself is no longer one the loader takes (a kind set to a
        // number, metadata removed): then the edit did what it was told.
        const LoadResult alone = core::kube::loadManifests(
            QJsonDocument(expected).toJson(), QStringLiteral("expected.json"));
        FUZZ_CHECK(!alone.errors.isEmpty() || alone.objects.size() != 1, context);
        return 0;
    }
    for (qsizetype j = 0; j < before.objects.size(); ++j) {
        const QJsonObject &want = j == target ? expected : before.objects.at(j).object;
        FUZZ_CHECK(reloaded.objects.at(j).object == want,
                   context + "\n--- object " + QByteArray::number(j) + " reads\n" +
                       QJsonDocument(reloaded.objects.at(j).object).toJson() + "\n--- wanted\n" +
                       QJsonDocument(want).toJson());
    }
    return 0;
}
