#pragma once

#include <QJsonObject>
#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace models {
class ObjectController;
} // namespace models

namespace ui {

class YamlDiffView;

// The YAML tab of the details pane: the object's server copy, read-only and highlighted, and the
// one way to edit it. Edit (Ctrl+E) makes the text editable; Review & Apply (Ctrl+Return) reads
// it back (a parse error shows its line and column, and nothing is sent) and shows the change
// beside the server copy the edit started from; Apply (Ctrl+Return again) passes confirmWrite()
// with the patch and sends it with that copy's resourceVersion as precondition. A 409 shows the
// server's current copy beside the edit and offers Reload (drop the edit) or Re-apply on top
// (the same change on the current copy, reviewed again): nothing is ever overwritten blindly.
// Cancel (Esc) drops the edit.
class ObjectYamlPage : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Viewing, Editing, Reviewing, Conflict };

    explicit ObjectYamlPage(models::ObjectController *controller, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    QPlainTextEdit *editor() const { return m_editor; }
    YamlDiffView *reviewView() const { return m_review; }
    YamlDiffView *conflictView() const { return m_conflict; }
    // What the edit is doing: where it started, a change on the server since, a parse error,
    // an answer of the server.
    QLabel *messageLine() const { return m_message; }
    // While an edit is open: the resourceVersion it started from, and whether the object changed
    // on the server since.
    QLabel *editStateLine() const { return m_editState; }
    QPushButton *editButton() const { return m_editButton; }
    QPushButton *reviewButton() const { return m_reviewButton; }
    QPushButton *applyButton() const { return m_applyButton; }
    QPushButton *backButton() const { return m_backButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *reloadButton() const { return m_reloadButton; }
    QPushButton *reapplyButton() const { return m_reapplyButton; }
    // The shortcuts, for the pane to offer wherever its focus is.
    QList<QAction *> shortcutActions() const;
    // The edited object under review (or in conflict).
    const QJsonObject &edited() const { return m_edited; }

public slots:
    void startEdit();
    void review();
    void applyReviewed();
    void backToEditing();
    void cancel();
    void reload();
    void reapplyOnTop();

signals:
    void modeChanged(ui::ObjectYamlPage::Mode mode);

private:
    void setMode(Mode mode);
    void showServerCopy();
    void showMessage(const QString &text, bool problem = false);
    void showEditState();
    void showReview(const QString &note);
    void onApplied();
    void onConflict(const QJsonObject &current);
    void onApplyFailed(const QString &message);

    models::ObjectController *m_controller;
    Mode m_mode = Mode::Viewing;
    QJsonObject m_edited;
    QLabel *m_editState;
    QLabel *m_message;
    QStackedWidget *m_stack;
    QPlainTextEdit *m_editor;
    QLabel *m_reviewNote;
    YamlDiffView *m_review;
    QLabel *m_conflictNote;
    YamlDiffView *m_conflict;
    QPushButton *m_editButton;
    QPushButton *m_reviewButton;
    QPushButton *m_applyButton;
    QPushButton *m_backButton;
    QPushButton *m_cancelButton;
    QPushButton *m_reloadButton;
    QPushButton *m_reapplyButton;
    QAction *m_editAction;
    QAction *m_reviewAction;
    QAction *m_cancelAction;
};

} // namespace ui
