#include "ui/writeguard.h"

#include "models/contextsafety.h"
#include "ui/tr.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

namespace ui {

namespace {

WriteAnswer &answerHook()
{
    static WriteAnswer answer;
    return answer;
}

QString namespacesOf(const QList<models::ObjectRef> &objects)
{
    QStringList names;
    QSet<QString> seen;
    for (const models::ObjectRef &o : objects) {
        const QString ns = o.nameSpace.isEmpty() ? Tr::tr("(cluster-scoped)") : o.nameSpace;
        if (!seen.contains(ns)) {
            seen.insert(ns);
            names.append(ns);
        }
    }
    return names.join(Tr::tr(", "));
}

QString objectList(const QList<models::ObjectRef> &objects)
{
    constexpr int kShown = 10;
    QStringList lines;
    for (qsizetype i = 0; i < objects.size() && i < kShown; ++i)
        lines.append(u"  " + objects.at(i).display());
    if (objects.size() > kShown)
        lines.append(Tr::tr("  … and %1 more").arg(objects.size() - kShown));
    return lines.join(u'\n');
}

} // namespace

void setWriteAnswer(WriteAnswer answer)
{
    answerHook() = std::move(answer);
}

QString readOnlyRefusal(const QString &context)
{
    return Tr::tr("The context %1 is marked read-only: nothing was sent. Change its safety in "
                  "Cluster ▸ Connections to write to it.")
        .arg(context);
}

bool confirmWrite(QWidget *parent, const WriteRequest &request)
{
    const models::ContextSafety safety = models::contextSafety(request.context);
    if (safety == models::ContextSafety::ReadOnly) {
        if (!answerHook())
            QMessageBox::information(parent, Tr::tr("Read-only context"),
                                     readOnlyRefusal(request.context));
        return false;
    }
    if (answerHook())
        return answerHook()(request);

    QDialog dialog(parent);
    dialog.setWindowTitle(Tr::tr("%1 on %2").arg(request.action, request.context));
    dialog.setAccessibleName(Tr::tr("Confirm write"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *question = new QLabel(
        Tr::tr("%1 in cluster (context) %2, namespace %3:\n%4")
            .arg(request.action, request.context, namespacesOf(request.objects),
                 objectList(request.objects)),
        &dialog);
    question->setAccessibleName(Tr::tr("What will be written"));
    question->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(question);
    if (!request.details.isEmpty()) {
        auto *details = new QPlainTextEdit(request.details, &dialog);
        details->setReadOnly(true);
        details->setAccessibleName(Tr::tr("What will be sent"));
        details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        details->setLineWrapMode(QPlainTextEdit::NoWrap);
        layout->addWidget(details, 1);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(request.action);
    if (request.destructive) {
        ok->setAutoDefault(false);
        buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    }
    if (safety == models::ContextSafety::Production) {
        auto *warning = new QLabel(Tr::tr("%1 is marked as production. Type its name to go on.")
                                       .arg(request.context),
                                   &dialog);
        warning->setStyleSheet(QStringLiteral("color: #d03a2f; font-weight: bold"));
        auto *typed = new QLineEdit(&dialog);
        typed->setAccessibleName(Tr::tr("Context name to confirm"));
        typed->setPlaceholderText(request.context);
        layout->addWidget(warning);
        layout->addWidget(typed);
        ok->setEnabled(false);
        QObject::connect(typed, &QLineEdit::textChanged, ok, [ok, context = request.context](
                                                                  const QString &text) {
            ok->setEnabled(text == context);
        });
    }
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    dialog.resize(640, request.details.isEmpty() ? 200 : 480);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace ui
