#pragma once

#include <QByteArray>
#include <QList>

#include <initializer_list>
#include <utility>

namespace core::sandbox {

// HTTP header fields in arrival order. Names compare case-insensitively (RFC 9110 5.1); repeated
// names are kept as separate entries so list-valued headers survive unchanged.
class HttpHeaders
{
public:
    using Field = std::pair<QByteArray, QByteArray>;

    HttpHeaders() = default;
    HttpHeaders(std::initializer_list<Field> fields);

    void add(const QByteArray &name, const QByteArray &value);
    void set(const QByteArray &name, const QByteArray &value); // replaces every entry of name
    void remove(const QByteArray &name);

    bool contains(const QByteArray &name) const;
    QByteArray value(const QByteArray &name, const QByteArray &fallback = {}) const; // first one
    QList<QByteArray> values(const QByteArray &name) const;
    // Comma-separated elements of every entry of name, trimmed ("Connection: keep-alive, Upgrade").
    QList<QByteArray> elements(const QByteArray &name) const;
    bool hasElement(const QByteArray &name, const QByteArray &element) const; // case-insensitive

    const QList<Field> &fields() const { return m_fields; }
    bool isEmpty() const { return m_fields.isEmpty(); }
    qsizetype size() const { return m_fields.size(); }

private:
    QList<Field> m_fields;
};

} // namespace core::sandbox
