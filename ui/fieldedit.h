#pragma once

#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QStringList>

#include <optional>

namespace ui {

// One change to a field of a manifest object: `value` nullopt removes the field. Paths are map
// keys and "[i]" list items, relative to the object.
struct FieldEdit
{
    QStringList path;
    std::optional<QJsonValue> value;
};

} // namespace ui

Q_DECLARE_METATYPE(QList<ui::FieldEdit>)
