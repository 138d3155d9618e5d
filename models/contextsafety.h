#pragma once

#include <QObject>
#include <QString>

namespace models {

// How carefully the console writes to a kubeconfig context: Normal (confirm each write),
// Production (confirm by typing the context's name; the window is marked) or ReadOnly (every
// write is refused before it is sent). The operator's choice per context, kept in the settings
// ("contexts/<context>/safety").
enum class ContextSafety { Normal, Production, ReadOnly };

ContextSafety contextSafety(const QString &context);
void setContextSafety(const QString &context, ContextSafety safety);
// "normal", "production", "read-only": how the settings and the command line spell it.
QString safetyName(ContextSafety safety);
// Parses safetyName()'s words; false when `name` is none of them.
bool parseSafety(const QString &name, ContextSafety *safety);
// Translated: "Normal", "Production", "Read-only".
QString safetyLabel(ContextSafety safety);

// Tells every window and pane that a context's safety changed (setContextSafety emits it).
class ContextSafetyNotifier : public QObject
{
    Q_OBJECT
public:
    static ContextSafetyNotifier *instance();

signals:
    void changed(const QString &context, models::ContextSafety safety);
};

} // namespace models
