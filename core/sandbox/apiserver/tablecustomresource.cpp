#include "core/sandbox/apiserver/tablecustomresource.h"

#include "core/sandbox/apiserver/tableconverter.h"

#include <QJsonDocument>

#include <cmath>

namespace core::sandbox {

namespace {

// Only simple paths, as the API server requires of additionalPrinterColumns (no filters).
QJsonValue valueAt(const QJsonObject &object, const QString &jsonPath)
{
    QJsonValue current = object;
    const QStringList parts = jsonPath.split(u'.', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (!current.isObject() || !current.toObject().contains(part))
            return QJsonValue(QJsonValue::Undefined);
        current = current.toObject().value(part);
    }
    return current;
}

QJsonValue cellFor(const PrinterColumn &column, const QJsonValue &value, const QDateTime &now)
{
    if (value.isUndefined() || value.isNull())
        return QJsonValue(QJsonValue::Null);
    if (column.type == u"string") {
        if (value.isString())
            return value;
        if (value.isDouble()) {
            const double d = value.toDouble();
            return d == std::floor(d) ? QString::number(qint64(d)) : QString::number(d);
        }
        if (value.isBool())
            return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        return QString::fromUtf8(QJsonDocument(value.isArray() ? QJsonDocument(value.toArray())
                                                               : QJsonDocument(value.toObject()))
                                     .toJson(QJsonDocument::Compact));
    }
    if (column.type == u"integer") {
        const double d = value.toDouble(std::nan(""));
        return value.isDouble() && d == std::floor(d) ? QJsonValue(qint64(d))
                                                      : QJsonValue(QJsonValue::Null);
    }
    if (column.type == u"number" || column.type == u"boolean")
        return value.isDouble() || value.isBool() ? value : QJsonValue(QJsonValue::Null);
    if (column.type == u"date") {
        const QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODate);
        return at.isValid() ? QJsonValue(humanAge(at.secsTo(now))) : QJsonValue(QJsonValue::Null);
    }
    return QJsonValue(QJsonValue::Null);
}

} // namespace

QList<PrinterColumn> scheduleProfilePrinterColumns()
{
    const auto column = [](const QString &name, const QString &type, const QString &jsonPath,
                           const QString &description) {
        PrinterColumn c;
        c.name = name;
        c.type = type;
        c.jsonPath = jsonPath;
        c.description = description;
        return c;
    };
    const QString integer = QStringLiteral("integer");
    return {
        column(QStringLiteral("Strategy"), QStringLiteral("string"),
               QStringLiteral(".spec.strategy"),
               QStringLiteral("How pods of the selected workloads burst: auto, localPrefer, "
                              "enforce.")),
        column(QStringLiteral("Local-Max"), integer, QStringLiteral(".spec.location.local.maxNum"),
               QStringLiteral("Most pods this profile places on local (IDC) nodes.")),
        column(QStringLiteral("CCI-Max"), integer, QStringLiteral(".spec.location.cci.maxNum"),
               QStringLiteral("Most pods this profile places on CCI.")),
        column(QStringLiteral("Used-Local"), integer, QStringLiteral(".status.used.local"),
               QStringLiteral("Pods this profile currently holds on local nodes.")),
        column(QStringLiteral("Used-CCI"), integer, QStringLiteral(".status.used.cci"),
               QStringLiteral("Pods this profile currently holds on CCI.")),
        column(QStringLiteral("Age"), QStringLiteral("date"),
               QStringLiteral(".metadata.creationTimestamp"),
               QStringLiteral("Time since the profile was created.")),
    };
}

QJsonArray printerColumnsJson(const QList<PrinterColumn> &columns)
{
    QJsonArray out;
    for (const PrinterColumn &c : columns) {
        QJsonObject o{{QStringLiteral("name"), c.name},
                      {QStringLiteral("type"), c.type},
                      {QStringLiteral("jsonPath"), c.jsonPath},
                      {QStringLiteral("description"), c.description}};
        if (c.priority != 0)
            o.insert(QStringLiteral("priority"), c.priority);
        if (!c.format.isEmpty())
            o.insert(QStringLiteral("format"), c.format);
        out.append(o);
    }
    return out;
}

TableLayout customResourceTable(const QList<PrinterColumn> &columns)
{
    QJsonArray definitions{nameColumn()};
    for (const PrinterColumn &c : columns)
        definitions.append(tableColumn(c.name, c.type, c.description, c.priority, c.format));
    return {definitions, [columns](const QJsonObject &o, const QDateTime &now) {
                QJsonArray cells{kube::nameOf(o)};
                for (const PrinterColumn &c : columns)
                    cells.append(cellFor(c, valueAt(o, c.jsonPath), now));
                return cells;
            }};
}

} // namespace core::sandbox
