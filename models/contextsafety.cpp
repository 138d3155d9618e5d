#include "models/contextsafety.h"

#include "models/tr.h"

#include <QSettings>

namespace models {

namespace {

QString settingsKey(const QString &context)
{
    // A context name may hold "/" (arn:aws:eks:...:cluster/name): QSettings would nest it.
    return QStringLiteral("contexts/%1/safety")
        .arg(QString::fromLatin1(context.toUtf8().toPercentEncoding()));
}

} // namespace

ContextSafety contextSafety(const QString &context)
{
    ContextSafety safety = ContextSafety::Normal;
    parseSafety(QSettings().value(settingsKey(context)).toString(), &safety);
    return safety;
}

void setContextSafety(const QString &context, ContextSafety safety)
{
    if (safety == ContextSafety::Normal)
        QSettings().remove(settingsKey(context));
    else
        QSettings().setValue(settingsKey(context), safetyName(safety));
    emit ContextSafetyNotifier::instance()->changed(context, safety);
}

QString safetyName(ContextSafety safety)
{
    switch (safety) {
    case ContextSafety::Normal:
        return QStringLiteral("normal");
    case ContextSafety::Production:
        return QStringLiteral("production");
    case ContextSafety::ReadOnly:
        return QStringLiteral("read-only");
    }
    return {};
}

bool parseSafety(const QString &name, ContextSafety *safety)
{
    for (ContextSafety s :
         {ContextSafety::Normal, ContextSafety::Production, ContextSafety::ReadOnly}) {
        if (name.compare(safetyName(s), Qt::CaseInsensitive) == 0) {
            *safety = s;
            return true;
        }
    }
    return false;
}

QString safetyLabel(ContextSafety safety)
{
    switch (safety) {
    case ContextSafety::Normal:
        return Tr::tr("Normal");
    case ContextSafety::Production:
        return Tr::tr("Production");
    case ContextSafety::ReadOnly:
        return Tr::tr("Read-only");
    }
    return {};
}

ContextSafetyNotifier *ContextSafetyNotifier::instance()
{
    static ContextSafetyNotifier notifier;
    return &notifier;
}

} // namespace models
