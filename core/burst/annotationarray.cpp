#include "core/burst/annotationarray.h"

#include "core/common/tr.h"

#include <QJsonDocument>

namespace core::burst {

std::optional<QJsonArray> readAnnotationArray(const QString &value, const QString &code,
                                              FieldArea area, const QString &example,
                                              Diagnostics &diagnostics)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(value.toUtf8(), &error);
    if (error.error == QJsonParseError::NoError && doc.isArray())
        return doc.array();
    diagnostics.append(inArea(makeError(code, QString(),
                                        error.error != QJsonParseError::NoError
                                            ? Tr::tr("not valid JSON at offset %1: %2")
                                                  .arg(error.offset)
                                                  .arg(error.errorString())
                                            : Tr::tr("the value must be a JSON array"),
                                        Tr::tr("Write a JSON array such as %1.").arg(example)),
                              area));
    return std::nullopt;
}

} // namespace core::burst
