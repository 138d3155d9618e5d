#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// Shared by tst_jsonpatch and tst_strategicpatch.
namespace patchtest {

using namespace Qt::StringLiterals;

// Test JSON is written with single quotes to stay readable inside C++ strings.
inline QJsonValue json(const char *text)
{
    QByteArray bytes = "{\"v\":" + QByteArray(text).replace('\'', '"') + "}";
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in test data: %s (%s)", text, qPrintable(error.errorString()));
    return document.object().value(u"v");
}

inline QString show(const QJsonValue &value)
{
    return QString::fromUtf8(
               QJsonDocument(QJsonObject{{u"v"_s, value}}).toJson(QJsonDocument::Compact))
        .mid(5)
        .chopped(1);
}

} // namespace patchtest
