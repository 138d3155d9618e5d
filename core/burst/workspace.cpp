#include "core/burst/workspace.h"

#include "core/common/tr.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace core::burst {

void reparse(WorkspaceFile &file)
{
    file.loaded = kube::loadManifests(file.text.toUtf8(), file.path);
}

namespace {

WorkspaceFile readOne(const QString &path)
{
    WorkspaceFile file;
    file.path = path;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        file.readError = Tr::tr("cannot read file: %1").arg(f.errorString());
        file.loaded.errors.append(kube::ParseError{path, 0, 0, file.readError});
        return file;
    }
    // Parsed from the bytes, not the decoded text: invalid UTF-8 and an oversized file are
    // reported by the loader (docs/limits.md) instead of being replaced or read whole.
    if (!f.isSequential() && f.size() > kube::limits::kMaxManifestFileBytes) {
        file.loaded = kube::loadManifestFile(path); // refuses it by its size, unread
        return file;
    }
    const QByteArray bytes = f.readAll();
    file.text = QString::fromUtf8(bytes);
    file.savedText = file.text;
    file.loaded = kube::loadManifests(bytes, file.path);
    return file;
}

} // namespace

QList<WorkspaceFile> Workspace::readFiles(const QStringList &paths)
{
    QList<WorkspaceFile> files;
    for (const QString &path : kube::expandManifestPaths(paths))
        files.append(readOne(path));
    return files;
}

void Workspace::addFiles(const QList<WorkspaceFile> &files)
{
    for (const WorkspaceFile &f : files) {
        const qsizetype existing = indexOf(f.path);
        if (existing >= 0)
            m_files[existing] = f;
        else
            m_files.append(f);
    }
    recompute();
}

void Workspace::clear()
{
    m_files.clear();
    recompute();
}

qsizetype Workspace::indexOf(const QString &path) const
{
    for (qsizetype i = 0; i < m_files.size(); ++i) {
        if (m_files.at(i).path == path)
            return i;
    }
    return -1;
}

QList<kube::ParseError> Workspace::parseErrors() const
{
    QList<kube::ParseError> errors;
    for (const WorkspaceFile &f : m_files)
        errors += f.loaded.errors;
    return errors;
}

QList<kube::ParseError> Workspace::lintProblems() const
{
    QList<kube::ParseError> out;
    for (const WorkloadEntry &e : m_lints) {
        const kube::ManifestObject &o = object(e.file, e.object);
        for (const Diagnostic &d : e.preview.diagnostics) {
            if (d.severity == Severity::Info)
                continue;
            const kube::SourcePos pos = o.positionOf(d.path);
            out.append(kube::ParseError{
                o.file, pos.line, pos.column,
                Tr::tr("%1/%2: %3: %4")
                    .arg(e.preview.kind, e.preview.name,
                         d.severity == Severity::Error ? Tr::tr("error") : Tr::tr("warning"),
                         d.message),
                d.code, d.hint});
        }
    }
    return out;
}

void Workspace::setText(qsizetype file, const QString &text)
{
    m_files[file].text = text;
    reparse(m_files[file]);
    recompute();
}

void Workspace::markSaved(qsizetype file)
{
    m_files[file].savedText = m_files.at(file).text;
}

kube::Workload Workspace::workload(const WorkloadEntry &entry) const
{
    return *kube::workloadFromObject(object(entry.file, entry.object).object, nullptr);
}

bool Workspace::anyDirty() const
{
    return std::any_of(m_files.cbegin(), m_files.cend(),
                       [](const WorkspaceFile &f) { return f.dirty(); });
}

void Workspace::recompute()
{
    m_workloads.clear();
    m_profiles.clear();
    m_lints.clear();
    PreviewScope scope;
    QList<QJsonObject> all;
    for (qsizetype fi = 0; fi < m_files.size(); ++fi) {
        const QList<kube::ManifestObject> &objects = m_files.at(fi).loaded.objects;
        for (qsizetype oi = 0; oi < objects.size(); ++oi) {
            const QJsonObject &o = objects.at(oi).object;
            all.append(o);
            if (isScheduleProfile(o)) {
                ProfileEntry p{fi, oi, scheduleProfileFromJson(o), {}, {}};
                p.diagnostics = validateScheduleProfile(p.profile);
                m_profiles.append(p);
                scope.profiles.append(p.profile);
            } else if (o.value(u"kind").toString() == u"Service") {
                scope.services.append(o);
            }
        }
    }
    addNamespaceFlavors(scope, all);
    for (qsizetype fi = 0; fi < m_files.size(); ++fi) {
        const QList<kube::ManifestObject> &objects = m_files.at(fi).loaded.objects;
        for (qsizetype oi = 0; oi < objects.size(); ++oi) {
            if (auto lint = lintObject(objects.at(oi).object)) {
                m_lints.append(WorkloadEntry{fi, oi, *lint});
                continue;
            }
            Diagnostics readDiagnostics;
            const auto workload = kube::workloadFromObject(objects.at(oi).object, &readDiagnostics);
            if (!workload)
                continue;
            WorkloadEntry entry{fi, oi, preview(*workload, scope)};
            entry.preview.diagnostics = readDiagnostics + entry.preview.diagnostics;
            m_workloads.append(entry);
        }
    }
    for (ProfileEntry &p : m_profiles) {
        for (const WorkloadEntry &w : m_workloads) {
            if (w.preview.profile && w.preview.profile->name == p.profile.name &&
                w.preview.profile->nameSpace == p.profile.nameSpace)
                p.captures.append(w.preview.nameSpace + u'/' + w.preview.kind + u'/' +
                                  w.preview.name);
        }
    }
}

QByteArray sessionSnapshot(const Workspace &workspace)
{
    QJsonArray files;
    for (const WorkspaceFile &f : workspace.files()) {
        if (f.dirty())
            files.append(
                QJsonObject{{QStringLiteral("path"), f.path}, {QStringLiteral("text"), f.text}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("files"), files}})
        .toJson(QJsonDocument::Compact);
}

QList<UnsavedText> readSessionSnapshot(const QByteArray &json)
{
    QList<UnsavedText> out;
    const QJsonArray files = QJsonDocument::fromJson(json).object().value(u"files").toArray();
    for (const QJsonValue &v : files) {
        const QJsonObject o = v.toObject();
        if (o.value(u"path").isString() && o.value(u"text").isString())
            out.append({o.value(u"path").toString(), o.value(u"text").toString()});
    }
    return out;
}

} // namespace core::burst
