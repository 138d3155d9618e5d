#pragma once

#include "core/common/diagnostic.h"
#include "core/common/result.h"
#include "core/kube/workload.h"

#include <QString>
#include <QStringList>

// The prometheus.io/* pod annotations the generated prometheus.yml (core/burst/prometheussetup.h)
// keeps and relabels: scrape ("true" keeps the pod), port (the port scraped), path (the metrics
// path, /metrics when unset). Checked on a workload's pod template, and set on YAML text with
// yamledit so the rest of the file keeps its bytes.
namespace core::burst {

inline constexpr auto kScrapeAnnotation = "prometheus.io/scrape";
inline constexpr auto kPortAnnotation = "prometheus.io/port";
inline constexpr auto kPathAnnotation = "prometheus.io/path";

struct ScrapeSettings
{
    bool scrape = true;
    int port = 0; // 0: no port annotation (every declared container port is scraped)
    QString path; // empty: no path annotation (/metrics)
};

// Errors for what the relabelling cannot use: a port outside 1..65535 ("prometheus.port"), a
// path that does not start with '/' or holds a query, fragment or whitespace ("prometheus.path").
Diagnostics validateScrapeSettings(const ScrapeSettings &settings, const QString &pathPrefix = {});

// The annotations of `workload`'s pod template: the errors above read from the annotation text
// (a port that is not a decimal number too), a scrape value other than "true"/"false"
// ("prometheus.scrape": the keep rule matches the exact string true), a port no container
// declares ("prometheus.portUndeclared", warning), scrape without a port ("prometheus.noPort",
// info: every declared port is scraped, port 80 when none), port or path without scrape
// ("prometheus.ignored", info). No annotation at all: no finding.
Diagnostics checkScrapeAnnotations(const kube::Workload &workload);

// Sets (scrape "true"/"false", port, path) on the pod template of the object at `objectPath`
// ([] for a document's own object, ["items", "[3]"] in a List) of `document` in `source`; an
// unset port or path removes its annotation. Refuses settings with an error diagnostic
// ("prometheus.port" / "prometheus.path", with the message and hint of the diagnostic).
Result<QString> setScrapeAnnotations(const QString &source, int document,
                                     const QStringList &objectPath, const kube::Workload &workload,
                                     const ScrapeSettings &settings);

} // namespace core::burst
