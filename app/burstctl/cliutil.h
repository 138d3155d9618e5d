#pragma once

#include "core/common/diagnostic.h"
#include "core/kube/manifestloader.h"

#include <QJsonValue>
#include <QStringList>
#include <QTextStream>

// Small shared pieces of burstctl's commands: reading -f files and printing results.
namespace cli {

struct Inputs
{
    QList<core::kube::ManifestObject> objects;
    QList<core::kube::ParseError> errors;
};

// Loads every -f FILE ("-" is standard input); a directory loads its *.yaml, *.yml, *.json.
Inputs loadInputs(const QStringList &files);

QTextStream &out();
QTextStream &err();

// Prints `value` as indented JSON or as YAML; false for an unknown format.
bool printValue(const QJsonValue &value, const QString &format);

// "FILE:LINE:COL: severity: message [code] (hint)"
QString formatDiagnostic(const core::kube::ManifestObject &object, const core::Diagnostic &d);
// "WHERE: severity: message [code] (hint)"
QString formatDiagnostic(const QString &where, const core::Diagnostic &d);

} // namespace cli
