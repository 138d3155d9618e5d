#pragma once

#include "core/burst/preview.h"
#include "core/burst/scheduleprofile.h"
#include "core/kube/manifestloader.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace core::burst {

// One manifest file as the workbench holds it: its text is the source of truth (edits are text
// edits, so saving keeps comments and formatting), parsed on every change.
struct WorkspaceFile
{
    QString path;
    QString text;      // current text, possibly edited
    QString savedText; // what is on disk
    kube::LoadResult loaded;
    QString readError; // the file could not be read at all

    bool dirty() const { return text != savedText; }
};

struct WorkloadEntry
{
    qsizetype file = 0;   // index into files()
    qsizetype object = 0; // index into files()[file].loaded.objects
    PreviewResult preview;
};

struct ProfileEntry
{
    qsizetype file = 0;
    qsizetype object = 0;
    ScheduleProfile profile;
    Diagnostics diagnostics; // validation, paths relative to the profile object
    QStringList captures;    // "namespace/kind/name" of workloads associated with it
};

// The files open in the workbench, and the burst preview of every workload in them. Profiles and
// Services of all files are in scope for every workload.
class Workspace
{
public:
    // Reads and parses files and folders (recursively *.yaml, *.yml, *.json); thread-safe, so the
    // console runs it on a worker thread.
    static QList<WorkspaceFile> readFiles(const QStringList &paths);

    void addFiles(const QList<WorkspaceFile> &files); // replaces files with the same path
    void clear();

    const QList<WorkspaceFile> &files() const { return m_files; }
    const QList<WorkloadEntry> &workloads() const { return m_workloads; }
    const QList<ProfileEntry> &profiles() const { return m_profiles; }
    // The Namespaces and CCI Networks of the files (guide 2.4), each with its lint-only preview
    // (lintObject); the Namespaces' flavours apply to the workloads' GPU rules.
    const QList<WorkloadEntry> &objectLints() const { return m_lints; }
    QList<kube::ParseError> parseErrors() const;
    // The objectLints' errors and warnings, placed at their field in the file, for the file
    // problems list: "KIND/NAME: severity: message", with code and hint.
    QList<kube::ParseError> lintProblems() const;

    // Replaces a file's text (an edit, an undo) and recomputes every preview.
    void setText(qsizetype file, const QString &text);
    void markSaved(qsizetype file);
    bool anyDirty() const;
    qsizetype indexOf(const QString &path) const;

    const kube::ManifestObject &object(qsizetype file, qsizetype object) const
    {
        return m_files.at(file).loaded.objects.at(object);
    }
    // The workload an entry previews, read from its object.
    kube::Workload workload(const WorkloadEntry &entry) const;

private:
    void recompute();

    QList<WorkspaceFile> m_files;
    QList<WorkloadEntry> m_workloads;
    QList<ProfileEntry> m_profiles;
    QList<WorkloadEntry> m_lints;
};

// Parses `text` into `file.loaded` (keeps path).
void reparse(WorkspaceFile &file);

// Crash recovery: the unsaved texts of the dirty files as JSON, and back.
struct UnsavedText
{
    QString path;
    QString text;
};
QByteArray sessionSnapshot(const Workspace &workspace);
QList<UnsavedText> readSessionSnapshot(const QByteArray &json);

} // namespace core::burst
