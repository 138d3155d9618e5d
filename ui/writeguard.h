#pragma once

#include "models/objectref.h"

#include <QList>
#include <QString>

#include <functional>

class QWidget;

namespace ui {

// One write the operator is about to send to a cluster: what (a verb such as "Apply", "Scale to
// 5", "Delete"), to which objects of which context, and what exactly will be sent (a patch, the
// server's dry-run answer) for the operator to read before agreeing.
struct WriteRequest
{
    QString context;
    QString action; // translated, e.g. tr("Delete")
    QList<models::ObjectRef> objects;
    QString details;          // shown in full (monospace) below the question; may be empty
    bool destructive = false; // delete: the default button is Cancel
};

// Whether the operator agrees to send `request`. Every confirmation names the context and the
// namespaces it writes to. A read-only context refuses at once (says why, returns false); a
// production context asks the operator to type the context's name. Nothing is ever sent
// without this returning true.
bool confirmWrite(QWidget *parent, const WriteRequest &request);

// Tests answer for the operator: the handler is called instead of any dialog (still after the
// read-only refusal, which needs no answer). An empty handler restores the dialogs.
using WriteAnswer = std::function<bool(const WriteRequest &request)>;
void setWriteAnswer(WriteAnswer answer);
// The message a read-only context's refusal shows; also what tests look for.
QString readOnlyRefusal(const QString &context);

} // namespace ui
