#pragma once

#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QStringList>

#include <optional>

namespace models {

// One change to a field of a manifest object: `value` nullopt removes the field. Paths are map
// keys and "[i]" list items, relative to the object.
struct FieldEdit
{
    QStringList path;
    std::optional<QJsonValue> value;
};

} // namespace models

Q_DECLARE_METATYPE(QList<models::FieldEdit>)
