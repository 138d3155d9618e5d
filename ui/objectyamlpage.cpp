#include "ui/objectyamlpage.h"

#include "core/kube/objectmeta.h"
#include "models/clustersession.h"
#include "models/contextsafety.h"
#include "models/objectcontroller.h"
#include "models/objectdetails.h"
#include "ui/theme.h"
#include "ui/writeguard.h"
#include "ui/yamldiffview.h"
#include "ui/yamlhighlighter.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTextBlock>
#include <QVBoxLayout>

namespace ui {

namespace {

enum Page { TextPage, ReviewPage, ConflictPage };

QPushButton *button(const QString &text, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setAccessibleName(text);
    return b;
}

QAction *shortcut(const QString &text, const QKeySequence &keys, QWidget *parent)
{
    auto *action = new QAction(text, parent);
    action->setShortcut(keys);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    parent->addAction(action);
    return action;
}

QString rvOf(const QJsonObject &object)
{
    return core::kube::resourceVersionOf(object);
}

QWidget *notedPage(QLabel *note, QWidget *view, QWidget *parent)
{
    auto *page = new QWidget(parent);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addWidget(view, 1);
    return page;
}

} // namespace

ObjectYamlPage::ObjectYamlPage(models::ObjectController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_editState(new QLabel(this)),
      m_message(new QLabel(this)), m_stack(new QStackedWidget(this)),
      m_editor(new QPlainTextEdit(this)), m_reviewNote(new QLabel(this)),
      m_review(new YamlDiffView(this)), m_conflictNote(new QLabel(this)),
      m_conflict(new YamlDiffView(this)), m_editButton(button(tr("Edit"), this)),
      m_reviewButton(button(tr("Review && Apply"), this)),
      m_applyButton(button(tr("Apply"), this)),
      m_backButton(button(tr("Back to editing"), this)),
      m_cancelButton(button(tr("Cancel"), this)), m_reloadButton(button(tr("Reload"), this)),
      m_reapplyButton(button(tr("Re-apply on top"), this)),
      m_editAction(shortcut(tr("Edit"), QKeySequence(Qt::CTRL | Qt::Key_E), this)),
      m_reviewAction(shortcut(tr("Review && Apply"), QKeySequence(Qt::CTRL | Qt::Key_Return),
                              this)),
      m_cancelAction(shortcut(tr("Cancel"), QKeySequence(Qt::Key_Escape), this))
{
    setAccessibleName(tr("YAML page"));
    m_editor->setAccessibleName(tr("YAML"));
    m_editor->setReadOnly(true);
    m_editor->setFont(monospaceFont());
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    new YamlHighlighter(m_editor->document());
    m_review->setAccessibleName(tr("Review changes"));
    m_conflict->setAccessibleName(tr("Conflict"));
    m_editState->setAccessibleName(tr("Edit state"));
    m_editState->setWordWrap(true);
    m_message->setAccessibleName(tr("Edit message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stack->insertWidget(TextPage, m_editor);
    m_stack->insertWidget(ReviewPage, notedPage(m_reviewNote, m_review, this));
    m_stack->insertWidget(ConflictPage, notedPage(m_conflictNote, m_conflict, this));
    m_editButton->setToolTip(tr("Edit the YAML (Ctrl+E)"));
    m_reviewButton->setToolTip(tr("Show the change against the server copy (Ctrl+Return)"));
    m_applyButton->setToolTip(tr("Send the change, after confirmation (Ctrl+Return)"));
    m_cancelButton->setToolTip(tr("Drop the edit (Esc)"));
    m_reloadButton->setToolTip(tr("Drop your edit and show the server's copy"));
    m_reapplyButton->setToolTip(
        tr("Apply your change to the server's current copy and review it again"));

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_editButton, m_reviewButton, m_applyButton, m_backButton,
                           m_reloadButton, m_reapplyButton, m_cancelButton})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editState);
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);
    layout->addLayout(buttons);

    connect(m_editButton, &QPushButton::clicked, this, &ObjectYamlPage::startEdit);
    connect(m_reviewButton, &QPushButton::clicked, this, &ObjectYamlPage::review);
    connect(m_applyButton, &QPushButton::clicked, this, &ObjectYamlPage::applyReviewed);
    connect(m_backButton, &QPushButton::clicked, this, &ObjectYamlPage::backToEditing);
    connect(m_cancelButton, &QPushButton::clicked, this, &ObjectYamlPage::cancel);
    connect(m_reloadButton, &QPushButton::clicked, this, &ObjectYamlPage::reload);
    connect(m_reapplyButton, &QPushButton::clicked, this, &ObjectYamlPage::reapplyOnTop);
    connect(m_editAction, &QAction::triggered, this, &ObjectYamlPage::startEdit);
    connect(m_reviewAction, &QAction::triggered, this, [this] {
        if (m_mode == Mode::Editing)
            review();
        else if (m_mode == Mode::Reviewing)
            applyReviewed();
    });
    connect(m_cancelAction, &QAction::triggered, this, &ObjectYamlPage::cancel);
    connect(m_controller, &models::ObjectController::changed, this, [this] {
        if (m_mode == Mode::Viewing)
            showServerCopy();
        showEditState();
    });
    connect(m_controller, &models::ObjectController::applied, this, &ObjectYamlPage::onApplied);
    connect(m_controller, &models::ObjectController::conflicted, this,
            &ObjectYamlPage::onConflict);
    connect(m_controller, &models::ObjectController::applyFailed, this,
            &ObjectYamlPage::onApplyFailed);
    setMode(Mode::Viewing);
    showServerCopy();
}

QList<QAction *> ObjectYamlPage::shortcutActions() const
{
    return {m_editAction, m_reviewAction, m_cancelAction};
}

void ObjectYamlPage::setMode(Mode mode)
{
    m_mode = mode;
    const bool applying = m_controller->isApplying();
    const bool loaded = m_controller->state() == models::ObjectController::State::Loaded;
    m_editor->setReadOnly(mode != Mode::Editing);
    m_editor->setTextInteractionFlags(mode == Mode::Editing
                                          ? Qt::TextEditorInteraction
                                          : Qt::TextSelectableByMouse |
                                                Qt::TextSelectableByKeyboard);
    m_stack->setCurrentIndex(mode == Mode::Reviewing  ? ReviewPage
                             : mode == Mode::Conflict ? ConflictPage
                                                      : TextPage);
    m_editButton->setVisible(mode == Mode::Viewing);
    m_editButton->setEnabled(loaded);
    m_editAction->setEnabled(mode == Mode::Viewing && loaded);
    m_reviewButton->setVisible(mode == Mode::Editing);
    m_reviewAction->setEnabled(mode == Mode::Editing || (mode == Mode::Reviewing && !applying));
    m_applyButton->setVisible(mode == Mode::Reviewing);
    m_applyButton->setEnabled(!applying);
    m_backButton->setVisible(mode == Mode::Reviewing);
    m_backButton->setEnabled(!applying);
    m_reloadButton->setVisible(mode == Mode::Conflict);
    m_reapplyButton->setVisible(mode == Mode::Conflict);
    m_cancelButton->setVisible(mode == Mode::Editing || mode == Mode::Reviewing);
    m_cancelButton->setEnabled(!applying);
    m_cancelAction->setEnabled(mode != Mode::Viewing && !applying);
    showEditState();
    emit modeChanged(mode);
}

void ObjectYamlPage::showServerCopy()
{
    const QJsonObject &server = m_controller->serverCopy();
    const QString text = server.isEmpty() ? QString() : models::objectYaml(server);
    if (text == m_editor->toPlainText())
        return;
    const int scroll = m_editor->verticalScrollBar()->value();
    m_editor->setPlainText(text);
    m_editor->verticalScrollBar()->setValue(scroll);
    if (m_mode == Mode::Viewing)
        m_editButton->setEnabled(m_controller->state() ==
                                 models::ObjectController::State::Loaded);
    m_editAction->setEnabled(m_mode == Mode::Viewing && m_controller->state() ==
                                                            models::ObjectController::State::Loaded);
}

void ObjectYamlPage::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    QPalette palette = this->palette();
    if (problem)
        palette.setColor(QPalette::WindowText, isDark() ? QColor(0xff, 0x8a, 0x80)
                                                        : QColor(0xb0, 0x00, 0x20));
    m_message->setPalette(palette);
}

void ObjectYamlPage::showEditState()
{
    if (m_mode == Mode::Viewing || !m_controller->isEditing()) {
        m_editState->hide();
        return;
    }
    QString text = tr("Editing %1 from resourceVersion %2.")
                       .arg(m_controller->object().display(), rvOf(m_controller->editBase()));
    const bool changed = m_controller->serverChangedSinceEdit();
    if (changed)
        text += u' ' + tr("Changed on the server since you started editing (now "
                          "resourceVersion %1): applying will report a conflict.")
                           .arg(rvOf(m_controller->serverCopy()));
    if (m_controller->state() == models::ObjectController::State::Gone)
        text += u' ' + tr("The object no longer exists on the server.");
    if (m_controller->isApplying())
        text += u' ' + tr("Applying…");
    m_editState->setText(text);
    QPalette palette = this->palette();
    if (changed)
        palette.setColor(QPalette::WindowText, isDark() ? QColor(0xff, 0xb7, 0x4d)
                                                        : QColor(0x9a, 0x5b, 0x00));
    m_editState->setPalette(palette);
    m_editState->show();
}

void ObjectYamlPage::startEdit()
{
    if (m_mode != Mode::Viewing || !m_controller->beginEdit())
        return;
    m_editor->setPlainText(models::objectYaml(m_controller->editBase()));
    showMessage({});
    setMode(Mode::Editing);
    m_editor->setFocus();
}

void ObjectYamlPage::review()
{
    if (m_mode != Mode::Editing)
        return;
    const models::ParsedEdit parsed =
        models::parseEdit(m_editor->toPlainText(), m_controller->editBase());
    if (!parsed.ok()) {
        showMessage(tr("Not valid: %1").arg(parsed.error), true);
        if (parsed.line > 0) {
            QTextCursor cursor(m_editor->document()->findBlockByNumber(parsed.line - 1));
            cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                                std::max(0, parsed.column - 1));
            m_editor->setTextCursor(cursor);
        }
        return;
    }
    if (m_controller->patchFor(parsed.object).isEmpty()) {
        showMessage(tr("The edit changes nothing: there is nothing to apply."));
        return;
    }
    m_edited = parsed.object;
    showReview(tr("Review the change against the server copy you started from, then Apply."));
}

void ObjectYamlPage::showReview(const QString &note)
{
    const QJsonObject &base = m_controller->editBase();
    m_review->setTitles(tr("Server copy (resourceVersion %1)").arg(rvOf(base)), tr("Your edit"));
    m_review->setTexts(models::objectYaml(base), models::objectYaml(m_edited));
    m_reviewNote->setText(note);
    showMessage({});
    setMode(Mode::Reviewing);
    if (!m_review->changedRightLines().isEmpty())
        m_review->revealRightLine(m_review->changedRightLines().first());
    m_applyButton->setFocus();
}

void ObjectYamlPage::applyReviewed()
{
    if (m_mode != Mode::Reviewing || m_controller->isApplying())
        return;
    const QByteArray patch = m_controller->patchFor(m_edited);
    const QString context = m_controller->session()->contextName();
    WriteRequest request{context, tr("Apply edit"), {m_controller->object()},
                         tr("JSON merge patch (the resourceVersion is the precondition):\n%1")
                             .arg(QString::fromUtf8(patch))};
    if (!confirmWrite(this, request)) {
        showMessage(models::contextSafety(context) == models::ContextSafety::ReadOnly
                        ? readOnlyRefusal(context)
                        : tr("Not applied: the write was not confirmed."),
                    true);
        return;
    }
    showMessage(tr("Applying…"));
    m_controller->apply(m_edited);
    setMode(Mode::Reviewing); // buttons follow isApplying()
}

void ObjectYamlPage::backToEditing()
{
    if (m_mode == Mode::Reviewing && !m_controller->isApplying())
        setMode(Mode::Editing);
}

void ObjectYamlPage::cancel()
{
    if (m_mode == Mode::Viewing || m_controller->isApplying())
        return;
    m_edited = {};
    m_controller->cancelEdit();
    setMode(Mode::Viewing);
    showServerCopy();
    showMessage(tr("Edit cancelled."));
}

void ObjectYamlPage::reload()
{
    if (m_mode != Mode::Conflict)
        return;
    m_edited = {};
    m_controller->reload();
    setMode(Mode::Viewing);
    showServerCopy();
    showMessage(tr("Your edit was dropped; this is the server's copy (resourceVersion %1).")
                    .arg(rvOf(m_controller->serverCopy())));
}

void ObjectYamlPage::reapplyOnTop()
{
    if (m_mode != Mode::Conflict)
        return;
    m_edited = m_controller->rebased(m_edited);
    m_editor->setPlainText(models::objectYaml(m_edited));
    showReview(tr("Your change applied on top of the server's current copy (resourceVersion "
                  "%1): review it, then Apply.")
                   .arg(rvOf(m_controller->editBase())));
}

void ObjectYamlPage::onApplied()
{
    m_edited = {};
    setMode(Mode::Viewing);
    showServerCopy();
    showMessage(tr("Applied: the server now has resourceVersion %1.")
                    .arg(rvOf(m_controller->serverCopy())));
}

void ObjectYamlPage::onConflict(const QJsonObject &current)
{
    m_conflict->setTitles(tr("On the server now (resourceVersion %1)").arg(rvOf(current)),
                          tr("Your edit (from resourceVersion %1)")
                              .arg(rvOf(m_controller->editBase())));
    m_conflict->setTexts(models::objectYaml(current), models::objectYaml(m_edited));
    m_conflictNote->setText(
        tr("Conflict: the object changed on the server since you started editing, so nothing "
           "was written. Reload drops your edit and shows the server's copy; Re-apply on top "
           "applies your change to the server's copy for you to review again."));
    setMode(Mode::Conflict);
    if (!m_conflict->changedRightLines().isEmpty())
        m_conflict->revealRightLine(m_conflict->changedRightLines().first());
    showMessage(tr("Not applied (409 Conflict)."), true);
    m_reapplyButton->setFocus();
}

void ObjectYamlPage::onApplyFailed(const QString &message)
{
    setMode(m_mode);
    showMessage(tr("Not applied: %1").arg(message), true);
}

} // namespace ui
