#pragma once

#include "core/kube/objectmeta.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace core::sandbox {

// One resource's meta.k8s.io/v1 Table layout: the column definitions the API server sends and
// how one object becomes a row's cells. Cells cover every column, wide ones (priority 1)
// included: kubectl hides those itself unless `-o wide`.
struct TableLayout
{
    QJsonArray columns;
    std::function<QJsonArray(const QJsonObject &object, const QDateTime &now)> cells;
};

// A TableColumnDefinition.
QJsonObject tableColumn(const QString &name, const QString &type, const QString &description,
                        int priority = 0, const QString &format = {});
// A column of type "string" or "integer", as most are.
QJsonObject stringColumn(const QString &name, const QString &description, int priority = 0);
QJsonObject integerColumn(const QString &name, const QString &description, int priority = 0);
// The "Name" (format name) and "Age" columns every built-in printer starts and ends with.
QJsonObject nameColumn();
QJsonObject ageColumn();
// The "Containers", "Images" wide columns of the workload printers.
QJsonObject containersColumn();
QJsonObject imagesColumn();

// translateTimestampSince: HumanDuration since the timestamp, "<unknown>" when it is missing.
QString timestampSince(const QString &timestamp, const QDateTime &now);
QString tableAge(const QJsonObject &object, const QDateTime &now);

// layoutContainerCells: container names and images, comma separated, of a pod spec.
QString templateContainerNames(const QJsonObject &podSpec);
QString templateContainerImages(const QJsonObject &podSpec);

// LabelSelectorAsSelector(s).String(): "app=web,tier in (a,b),!gone", requirements by key.
QString labelSelectorString(const QJsonObject &selector);
// metav1.FormatLabelSelector: the same, "<none>" when it selects everything.
QString formatLabelSelector(const QJsonObject &selector);
// labels.FormatLabels: "a=1,b=2" sorted by key, "<none>" when empty.
QString formatLabels(const QJsonObject &labels);

// True when the object has a condition of that type whose status is "True" (hasJobCondition).
bool hasTrueCondition(const QJsonObject &status, const QString &type);

} // namespace core::sandbox
