#include "core/sandbox/transport/httpheaders.h"

#include <algorithm>

namespace core::sandbox {

namespace {

bool sameName(const QByteArray &a, const QByteArray &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

HttpHeaders::HttpHeaders(std::initializer_list<Field> fields) : m_fields(fields) {}

void HttpHeaders::add(const QByteArray &name, const QByteArray &value)
{
    m_fields.append({name, value});
}

void HttpHeaders::set(const QByteArray &name, const QByteArray &value)
{
    remove(name);
    add(name, value);
}

void HttpHeaders::remove(const QByteArray &name)
{
    m_fields.removeIf([&](const Field &field) { return sameName(field.first, name); });
}

bool HttpHeaders::contains(const QByteArray &name) const
{
    return std::any_of(m_fields.cbegin(), m_fields.cend(),
                       [&](const Field &field) { return sameName(field.first, name); });
}

QByteArray HttpHeaders::value(const QByteArray &name, const QByteArray &fallback) const
{
    for (const Field &field : m_fields) {
        if (sameName(field.first, name))
            return field.second;
    }
    return fallback;
}

QList<QByteArray> HttpHeaders::values(const QByteArray &name) const
{
    QList<QByteArray> result;
    for (const Field &field : m_fields) {
        if (sameName(field.first, name))
            result.append(field.second);
    }
    return result;
}

QList<QByteArray> HttpHeaders::elements(const QByteArray &name) const
{
    QList<QByteArray> result;
    for (const QByteArray &value : values(name)) {
        for (const QByteArray &element : value.split(',')) {
            const QByteArray trimmed = element.trimmed();
            if (!trimmed.isEmpty())
                result.append(trimmed);
        }
    }
    return result;
}

bool HttpHeaders::hasElement(const QByteArray &name, const QByteArray &element) const
{
    const QList<QByteArray> all = elements(name);
    return std::any_of(all.cbegin(), all.cend(),
                       [&](const QByteArray &candidate) { return sameName(candidate, element); });
}

} // namespace core::sandbox
