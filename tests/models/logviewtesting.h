#pragma once

// What the LogViewModel tests share (tst_logviewmodel, tst_logviewsources): timestamped lines,
// a search's or a filter's answer from the worker, and the texts shown.

#include "models/logviewmodel.h"

#include <QStringList>
#include <QTest>

namespace logviewtesting {

using models::LogMatchOptions;
using models::LogViewModel;

inline QByteArray at(int seconds, const QByteArray &text)
{
    return "2026-11-25T10:" + QByteArray::number(seconds / 60).rightJustified(2, '0') + ':' +
           QByteArray::number(seconds % 60).rightJustified(2, '0') + "Z " + text;
}

// setSearch counts on the worker: its count, once it arrived.
inline qint64 searched(LogViewModel &model, const LogMatchOptions &options)
{
    model.setSearch(options);
    if (!QTest::qWaitFor([&] { return model.countState() == LogViewModel::CountState::Exact; },
                         20000))
        return -1;
    return model.matchCount();
}

// setFilter rebuilds on the worker: true once it is swapped in.
inline bool filtered(LogViewModel &model, const LogMatchOptions &options)
{
    model.setFilter(options);
    return QTest::qWaitFor([&] { return !model.isFiltering(); }, 20000);
}

inline QStringList shownTexts(const LogViewModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row).data().toString());
    return out;
}

} // namespace logviewtesting
