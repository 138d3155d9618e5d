#include "models/workspacecontroller.h"

#include "core/common/savefile.h"
#include "core/kube/jsonyaml.h"
#include "core/kube/yamledit.h"
#include "models/texteditcommand.h"
#include "models/tr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoStack>
#include <QtConcurrent>

namespace models {

namespace {

// "items[3]" -> {"items", "[3]"}: where a List member sits in its document.
QStringList itemPrefix(const QString &itemPath)
{
    if (itemPath.isEmpty())
        return {};
    const qsizetype bracket = itemPath.indexOf(u'[');
    return {itemPath.left(bracket), itemPath.mid(bracket)};
}

QStringList splitPath(const QString &dotted)
{
    return dotted.isEmpty() ? QStringList() : dotted.split(u'.');
}

} // namespace

WorkspaceController::WorkspaceController(QObject *parent) : QObject(parent)
{
    m_undo = new QUndoStack(this);
    m_autosave = new QTimer(this);
    m_autosave->setInterval(kAutosaveIntervalMs);
    connect(m_autosave, &QTimer::timeout, this, &WorkspaceController::autosave);
    m_autosave->start();
    connect(&m_loader, &QFutureWatcher<QList<core::burst::WorkspaceFile>>::finished, this,
            &WorkspaceController::onLoaded);
}

WorkspaceController::~WorkspaceController()
{
    // The undo stack clears itself when it goes; nobody listens by then.
    m_autosave->stop();
    m_undo->disconnect();
    m_loader.disconnect(this);
}

bool WorkspaceController::open(const QStringList &paths)
{
    if (paths.isEmpty() || m_loading)
        return false;
    m_loading = true;
    emit loadStarted(int(paths.size()));
    m_loader.setFuture(QtConcurrent::run(&core::burst::Workspace::readFiles, paths));
    return true;
}

void WorkspaceController::onLoaded()
{
    const QList<core::burst::WorkspaceFile> files = m_loader.result();
    m_loading = false;
    m_workspace.addFiles(files);
    emit changed();
    emit loaded(int(files.size()));
}

int WorkspaceController::dirtyCount() const
{
    int dirty = 0;
    for (const core::burst::WorkspaceFile &f : m_workspace.files())
        dirty += f.dirty() ? 1 : 0;
    return dirty;
}

bool WorkspaceController::save(qsizetype file)
{
    const core::burst::WorkspaceFile &f = m_workspace.files().at(file);
    if (const auto written = core::saveFile(f.path, f.text.toUtf8()); !written) {
        emit saveFailed(f.path, written.error());
        return false;
    }
    m_workspace.markSaved(file);
    if (!m_workspace.anyDirty()) {
        m_undo->setClean();
        discardAutosave();
    }
    emit saved(f.path);
    return true;
}

bool WorkspaceController::saveAll()
{
    for (qsizetype i = 0; i < m_workspace.files().size(); ++i) {
        if (m_workspace.files().at(i).dirty() && !save(i))
            return false;
    }
    return true;
}

void WorkspaceController::applyText(qsizetype file, const QString &text)
{
    m_workspace.setText(file, text);
    emit changed();
}

void WorkspaceController::replaceText(qsizetype file, const QString &text,
                                      const QString &description)
{
    const QString before = m_workspace.files().at(file).text;
    if (before != text)
        m_undo->push(new TextEditCommand([this](qsizetype f, const QString &t) { applyText(f, t); },
                                         file, before, text, description));
}

bool WorkspaceController::editObject(qsizetype file, qsizetype objectIndex,
                                     const QList<FieldEdit> &edits, const QString &description)
{
    const core::kube::ManifestObject &object = m_workspace.object(file, objectIndex);
    QString text = m_workspace.files().at(file).text;
    for (const FieldEdit &edit : edits) {
        const QStringList path = itemPrefix(object.itemPath) + edit.path;
        const auto after =
            edit.value ? core::kube::yamledit::setValue(text, object.document, path, *edit.value)
                       : core::kube::yamledit::removeValue(text, object.document, path);
        if (!after) {
            QJsonValue edited = object.object;
            for (const FieldEdit &e : edits)
                edited = core::kube::withValueAt(edited, e.path, e.value);
            emit editRefused(
                {object.file,
                 QFileInfo(object.file).dir().filePath(object.name() + QStringLiteral(".yaml")),
                 edited.toObject(), after.error()});
            return false;
        }
        text = *after;
    }
    replaceText(file, text, description);
    return true;
}

bool WorkspaceController::editWorkload(const core::burst::WorkloadEntry &workload,
                                       const QStringList &objectPath,
                                       const std::optional<QJsonValue> &value,
                                       const QString &description)
{
    return editObject(workload.file, workload.object, {FieldEdit{objectPath, value}}, description);
}

bool WorkspaceController::setBurstLabel(const core::burst::WorkloadEntry &workload,
                                        bool podTemplate, const QString &value,
                                        const QString &description)
{
    const core::kube::Workload w = m_workspace.workload(workload);
    QStringList path = splitPath(podTemplate ? w.podPath(QStringLiteral("metadata.labels"))
                                             : QStringLiteral("metadata.labels"));
    path.append(core::burst::kBurstLabel);
    return editWorkload(workload, path,
                        value.isEmpty() ? std::nullopt : std::optional<QJsonValue>(value),
                        description);
}

bool WorkspaceController::setPodAnnotation(const core::burst::WorkloadEntry &workload,
                                           const QString &key, const QString &value,
                                           const QString &description)
{
    QStringList path =
        splitPath(m_workspace.workload(workload).podPath(QStringLiteral("metadata.annotations")));
    path.append(key);
    return editWorkload(workload, path,
                        value.isEmpty() ? std::nullopt : std::optional<QJsonValue>(value),
                        description);
}

void WorkspaceController::createProfileFor(const core::burst::WorkloadEntry &e)
{
    const core::kube::Workload w = m_workspace.workload(e);
    core::burst::ScheduleProfile p;
    p.name = w.name + QStringLiteral("-profile");
    p.nameSpace = w.nameSpace;
    core::kube::Labels labels = w.podLabels;
    labels.remove(core::burst::kBurstLabel);
    p.selector.setMatchLabels(labels);
    p.strategyText = QStringLiteral("localPrefer");
    p.local.present = true;
    p.cci.present = true;
    QString text = m_workspace.files().at(e.file).text;
    if (!text.isEmpty() && !text.endsWith(u'\n'))
        text += u'\n';
    text += QStringLiteral("---\n") +
            QString::fromUtf8(core::kube::jsonToYaml(core::burst::scheduleProfileToJson(p)));
    replaceText(e.file, text, Tr::tr("Create ScheduleProfile %1").arg(p.name));
}

bool WorkspaceController::saveEditedCopy(const RefusedEdit &edit, const QString &path)
{
    if (const auto written = core::saveFile(path, core::kube::jsonToYaml(edit.edited)); !written) {
        emit saveFailed(path, written.error());
        return false;
    }
    open({path});
    return true;
}

QString WorkspaceController::autosavePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/autosave.json");
}

bool WorkspaceController::autosave()
{
    if (!m_workspace.anyDirty())
        return true;
    QDir().mkpath(QFileInfo(autosavePath()).path());
    const auto written = core::saveFile(autosavePath(), core::burst::sessionSnapshot(m_workspace));
    if (!written)
        emit autosaveFailed(written.error());
    return written.ok();
}

QList<core::burst::UnsavedText> WorkspaceController::takeRecoveryOffer()
{
    if (m_recoveryOffered)
        return {};
    m_recoveryOffered = true;
    QFile f(autosavePath());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return core::burst::readSessionSnapshot(f.readAll());
}

void WorkspaceController::recover(const QList<core::burst::UnsavedText> &unsaved)
{
    for (const core::burst::UnsavedText &u : unsaved) {
        qsizetype index = m_workspace.indexOf(u.path);
        if (index < 0) {
            m_workspace.addFiles(core::burst::Workspace::readFiles({u.path}));
            emit changed();
            index = m_workspace.indexOf(u.path);
        }
        if (index >= 0)
            replaceText(index, u.text, Tr::tr("Recover %1").arg(u.path));
    }
    discardAutosave();
}

void WorkspaceController::discardAutosave()
{
    QFile::remove(autosavePath());
}

} // namespace models
