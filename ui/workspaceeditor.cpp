#include "ui/workspaceeditor.h"

#include "core/kube/jsonyaml.h"
#include "core/kube/yamledit.h"
#include "ui/texteditcommand.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUndoStack>

namespace ui {

namespace {

// "items[3]" -> {"items", "[3]"}: where a List member sits in its document.
QStringList itemPrefix(const QString &itemPath)
{
    if (itemPath.isEmpty())
        return {};
    const qsizetype bracket = itemPath.indexOf(u'[');
    return {itemPath.left(bracket), itemPath.mid(bracket)};
}

} // namespace

WorkspaceEditor::WorkspaceEditor(const core::burst::Workspace &workspace, QUndoStack *undo,
                                 QWidget *dialogParent, ApplyText applyText, OpenFile openFile)
    : m_workspace(workspace), m_undo(undo), m_dialogParent(dialogParent),
      m_applyText(std::move(applyText)), m_openFile(std::move(openFile))
{
}

QString WorkspaceEditor::autosavePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/autosave.json");
}

void WorkspaceEditor::autosave() const
{
    if (!m_workspace.anyDirty())
        return;
    QDir().mkpath(QFileInfo(autosavePath()).path());
    QSaveFile out(autosavePath());
    if (out.open(QIODevice::WriteOnly)) {
        out.write(core::burst::sessionSnapshot(m_workspace));
        out.commit();
    }
}

void WorkspaceEditor::replaceText(qsizetype file, const QString &text, const QString &description)
{
    const QString before = m_workspace.files().at(file).text;
    if (before != text)
        m_undo->push(new TextEditCommand(m_applyText, file, before, text, description));
}

bool WorkspaceEditor::editObject(qsizetype file, qsizetype objectIndex,
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
            offerSaveAs(object, edits, after.error());
            return false;
        }
        text = *after;
    }
    replaceText(file, text, description);
    return true;
}

void WorkspaceEditor::offerSaveAs(const core::kube::ManifestObject &object,
                                  const QList<FieldEdit> &edits, const core::Error &error)
{
    const auto answer = QMessageBox::warning(
        m_dialogParent, tr("Cannot edit in place"),
        tr("%1 cannot be edited in place safely: %2\n%3\nThe file was not changed. Save the edited "
           "object as a new file instead?")
            .arg(QFileInfo(object.file).fileName(), error.message, error.hint),
        QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Save)
        return;
    QJsonValue edited = object.object;
    for (const FieldEdit &edit : edits)
        edited = core::kube::withValueAt(edited, edit.path, edit.value);
    const QString path = QFileDialog::getSaveFileName(
        m_dialogParent, tr("Save edited object as"),
        QFileInfo(object.file).dir().filePath(object.name() + QStringLiteral(".yaml")),
        tr("YAML (*.yaml *.yml)"));
    if (path.isEmpty())
        return;
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(core::kube::jsonToYaml(edited)) < 0 ||
        !out.commit()) {
        QMessageBox::critical(m_dialogParent, tr("Save failed"),
                              tr("Could not save %1: %2").arg(path, out.errorString()));
        return;
    }
    m_openFile(path);
}

void WorkspaceEditor::createProfileFor(const core::burst::WorkloadEntry &e)
{
    const auto w =
        core::kube::workloadFromObject(m_workspace.object(e.file, e.object).object, nullptr);
    core::burst::ScheduleProfile p;
    p.name = w->name + QStringLiteral("-profile");
    p.nameSpace = w->nameSpace;
    core::kube::Labels labels = w->podLabels;
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
    replaceText(e.file, text, tr("Create ScheduleProfile %1").arg(p.name));
}

} // namespace ui
