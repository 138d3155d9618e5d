#pragma once

#include <QSet>
#include <QString>

namespace models {

// Shares one copy of each repeated text among many rows (namespaces, node names, owner kinds,
// statuses): 100,000 pods name a few dozen namespaces and nodes, and each row would otherwise
// hold its own copy. Not thread-safe: one pool per model, used on the model's thread.
class StringPool
{
public:
    QString intern(const QString &text)
    {
        if (text.isEmpty())
            return {};
        const auto it = m_texts.constFind(text);
        if (it != m_texts.cend())
            return *it;
        m_texts.insert(text);
        return text;
    }
    qsizetype size() const { return m_texts.size(); }

private:
    QSet<QString> m_texts;
};

} // namespace models
