#pragma once

#include "core/sandbox/apiserver/tablecells.h"

#include <QList>

namespace core::sandbox {

// A CustomResourceDefinition's additionalPrinterColumns entry (apiextensions.k8s.io/v1).
struct PrinterColumn
{
    QString name;     // "Strategy"; kubectl upper-cases it in the header
    QString type;     // "string", "integer", "number", "boolean", "date"
    QString jsonPath; // simple dotted path: ".spec.location.local.maxNum"
    QString description;
    int priority = 0;
    QString format;
};

// The printer columns the ScheduleProfile CRD (scheduling.cci.io/v1) declares: Strategy,
// Local-Max, Cci-Max, Used-Local, Used-Cci, Age.
QList<PrinterColumn> scheduleProfilePrinterColumns();

// The columns in CRD form, for a CustomResourceDefinition's versions[].additionalPrinterColumns.
QJsonArray printerColumnsJson(const QList<PrinterColumn> &columns);

// What apiextensions-apiserver's tableconvertor serves for a custom resource: Name, then one
// column per printer column. A missing value is a null cell (kubectl prints "<none>"); "date"
// cells are HumanDuration since the timestamp; "integer" cells need an integral number.
TableLayout customResourceTable(const QList<PrinterColumn> &columns);

} // namespace core::sandbox
