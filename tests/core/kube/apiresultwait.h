#pragma once

#include "core/kube/apiclient.h"
#include "core/kube/apistatuserror.h"

#include <QJsonArray>
#include <QTest>

#include <optional>

// Collecting an asynchronous ApiClient answer in a test: `into(slot)` is the callback,
// `waitFor(slot)` spins the event loop until it arrived (or the timeout).
namespace apitest {

template <typename T> using Slot = std::optional<core::kube::ApiResult<T>>;

template <typename T> Slot<T> waitFor(Slot<T> &result, int ms = 15000)
{
    [[maybe_unused]] const bool done = QTest::qWaitFor([&] { return result.has_value(); }, ms);
    return result;
}

template <typename T> auto into(Slot<T> &slot)
{
    return [&slot](const core::kube::ApiResult<T> &r) { slot = r; };
}

// QVERIFY2 evaluates its message even when the check passes.
template <typename T> QString message(const core::kube::ApiResult<T> &r)
{
    return r ? QString() : r.error().message;
}

// The discovery mapping of `name`, or an empty mapping when it cannot be resolved.
inline core::kube::ResourceMapping mapping(core::kube::ApiClient &client, const QString &name)
{
    Slot<core::kube::ResourceMapping> r;
    client.resolve(name, &client, into(r));
    waitFor(r);
    return r && *r ? r->value() : core::kube::ResourceMapping();
}

inline QStringList itemNames(const QJsonArray &items)
{
    QStringList result;
    for (const QJsonValue &item : items)
        result.append(item.toObject().value(u"metadata").toObject().value(u"name").toString());
    return result;
}

} // namespace apitest
