#include "core/kube/kubeconfigloader.h"

#include "core/common/tr.h"
#include "core/kube/jsonyaml.h"
#include "core/kube/kubeconfigdecoder.h"
#include "core/kube/manifestloader.h"
#include "core/kube/yamllimits.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <yaml-cpp/yaml.h>

namespace core::kube {

namespace {

Error loadError(const QString &file, const QString &detail,
                const QString &code = QStringLiteral("kubeconfig.parse"))
{
    return Error{code, Tr::tr("error loading config file \"%1\": %2").arg(file, detail),
                 Tr::tr("Fix the kubeconfig file or remove it from KUBECONFIG.")};
}

// yaml-cpp reports errors at the end of input one line past the text; point at the last line
// that has content instead, where an editor can show it.
ParseError yamlErrorAt(const QByteArray &text, const YAML::Mark &mark, const QString &file,
                       const QString &message)
{
    const QList<QByteArray> lines = text.split('\n');
    int last = int(lines.size()) - 1;
    while (last > 0 && lines.at(last).trimmed().isEmpty())
        --last;
    int line = qMax(mark.line, 0);
    int column = qMax(mark.column, 0) + 1;
    if (line > last) {
        line = qMax(last, 0);
        column = int(lines.value(line).size()) + 1;
    }
    return ParseError{file, line + 1, column, message};
}

template <typename T> void mergeMap(QMap<QString, T> &into, const QMap<QString, T> &from)
{
    for (auto it = from.begin(); it != from.end(); ++it) {
        if (!into.contains(it.key()))
            into.insert(it.key(), it.value());
    }
}

} // namespace

KubeconfigSearch KubeconfigSearch::fromEnvironment(const QString &explicitPath)
{
    return KubeconfigSearch{explicitPath, qEnvironmentVariable("KUBECONFIG"), QDir::homePath()};
}

QStringList kubeconfigPrecedence(const KubeconfigSearch &search)
{
    if (!search.explicitPath.isEmpty())
        return {search.explicitPath};
    if (!search.kubeconfigEnv.isEmpty()) {
        QStringList files;
        for (const QString &file : search.kubeconfigEnv.split(QLatin1Char(':'))) {
            if (!files.contains(file))
                files.append(file);
        }
        return files;
    }
    return {QDir(search.homeDir).filePath(QStringLiteral(".kube/config"))};
}

Result<Kubeconfig> readKubeconfigFile(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        return Error{QStringLiteral("kubeconfig.missing"),
                     Tr::tr("stat %1: no such file or directory").arg(path),
                     Tr::tr("Check the --kubeconfig path.")};
    }
    QString why;
    const std::optional<QByteArray> content = readFileLikeGo(path, &why);
    if (!content)
        return loadError(path, why, QStringLiteral("kubeconfig.unreadable"));
    QByteArray text = *content;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    Kubeconfig empty;
    empty.files = {path};
    if (text.isEmpty())
        return empty;
    try {
        // A kubeconfig meets the manifests' limits (docs/limits.md): aliases that expand past
        // go-yaml's ratio, or to their own anchor, would otherwise hang or crash the loader.
        const bool fullCheck = needsFullYamlCheck(text);
        std::optional<YamlProblem> problem = fullCheck ? checkYamlDocument(text) : std::nullopt;
        const YAML::Node node = problem ? YAML::Node() : YAML::Load(text.toStdString());
        if (!problem && !fullCheck)
            problem = checkLoadedDocument(node, text);
        if (problem) {
            const ParseError where{path, problem->pos.line, problem->pos.column, problem->message,
                                   problem->code, problem->hint};
            return loadError(path, where.toString(), problem->code);
        }
        PositionMap positions;
        const QJsonValue json = yamlToJson(node, 0, &positions);
        if (json.isNull() || json.isUndefined())
            return empty;
        return decodeKubeconfig(json, positions, path);
    } catch (const YAML::Exception &e) {
        const ParseError where = yamlErrorAt(text, e.mark, path, QString::fromStdString(e.msg));
        return loadError(path, where.toString());
    }
}

Kubeconfig mergeKubeconfigs(const QList<Kubeconfig> &configs)
{
    Kubeconfig merged;
    for (const Kubeconfig &c : configs) {
        mergeMap(merged.clusters, c.clusters);
        mergeMap(merged.users, c.users);
        mergeMap(merged.contexts, c.contexts);
        mergeMap(merged.extensions, c.extensions);
        mergeMap(merged.preferences.extensions, c.preferences.extensions);
        if (merged.currentContext.isEmpty())
            merged.currentContext = c.currentContext;
        merged.preferences.colors = merged.preferences.colors || c.preferences.colors;
        merged.files += c.files;
    }
    return merged;
}

Result<Kubeconfig> loadKubeconfig(const KubeconfigSearch &search)
{
    QList<Kubeconfig> configs;
    for (const QString &path : kubeconfigPrecedence(search)) {
        if (path.isEmpty())
            continue;
        Result<Kubeconfig> one = readKubeconfigFile(path);
        if (!one) {
            if (one.error().code == u"kubeconfig.missing" && search.explicitPath.isEmpty())
                continue;
            return one.error();
        }
        configs.append(one.value());
    }
    return mergeKubeconfigs(configs);
}

std::optional<QByteArray> readFileLikeGo(const QString &path, QString *error)
{
    if (QFileInfo(path).isDir()) {
        *error = Tr::tr("read %1: is a directory").arg(path);
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        // Go's syscall messages are strerror() in lower case.
        QString reason = file.errorString();
        if (!reason.isEmpty())
            reason[0] = reason.at(0).toLower();
        *error = Tr::tr("open %1: %2").arg(path, reason);
        return std::nullopt;
    }
    return file.readAll();
}

QString resolveKubeconfigPath(const QString &path, const QString &sourceFile)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path) || sourceFile.isEmpty())
        return path;
    return QDir::cleanPath(QFileInfo(sourceFile).absoluteDir().filePath(path));
}

} // namespace core::kube
