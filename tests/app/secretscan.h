#pragma once

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

// Looks for secrets in a folder tree, in the forms a program could write them: raw,
// JSON-escaped (also with "\/"), URL-encoded, and base64 (standard and URL alphabets) at each
// of the three byte offsets a secret can have inside a longer encoded blob.
namespace secretscan {

struct Needle
{
    QString form; // "raw", "base64+1", ...
    QByteArray bytes;
};

// A unique secret for this run: `prefix` then 24 random characters, '+' and '/' among them so
// that the JSON, URL and base64 forms differ from the raw one.
inline QByteArray randomSecret(const char *prefix)
{
    QByteArray random;
    for (int i = 0; i < 18; ++i)
        random.append(char(QRandomGenerator::system()->bounded(256)));
    return QByteArray(prefix) + random.toBase64();
}

// The base64 of `secret` placed `offset` bytes into a blob: only the characters that do not
// depend on the bytes around it (from the first whole 6-bit group after the prefix to the
// last whole 3-byte group).
inline QByteArray base64Inner(const QByteArray &secret, int offset,
                              QByteArray::Base64Options options = QByteArray::Base64Encoding)
{
    const QByteArray encoded = QByteArray(QByteArray(offset, '\0') + secret).toBase64(options);
    const qsizetype start = offset == 0 ? 0 : offset + 1;
    const qsizetype end = (offset + secret.size()) / 3 * 4;
    return encoded.mid(start, end - start);
}

inline QList<Needle> needles(const QByteArray &secret)
{
    const QByteArray jsonArray =
        QJsonDocument(QJsonArray{QString::fromUtf8(secret)}).toJson(QJsonDocument::Compact);
    const QByteArray json = jsonArray.mid(2, jsonArray.size() - 4); // inside ["..."]
    QList<Needle> list{{QStringLiteral("raw"), secret},
                       {QStringLiteral("json"), json},
                       {QStringLiteral("json-slash"), QByteArray(json).replace("/", "\\/")},
                       {QStringLiteral("url"), secret.toPercentEncoding()},
                       {QStringLiteral("url-lower-hex"), secret.toPercentEncoding().toLower()}};
    for (int offset = 0; offset < 3; ++offset) {
        list.append({QStringLiteral("base64+%1").arg(offset), base64Inner(secret, offset)});
        list.append({QStringLiteral("base64url+%1").arg(offset),
                     base64Inner(secret, offset, QByteArray::Base64UrlEncoding)});
    }
    return list;
}

// "relative/path: name form" for every place a secret of `secrets` (name -> bytes) occurs in a
// file's name or contents under `root` (hidden files and folders included, links not followed).
inline QStringList scan(const QString &root, const QList<QPair<QString, QByteArray>> &secrets)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QByteArray haystack = path.toUtf8() + '\n';
        if (file.open(QIODevice::ReadOnly))
            haystack += file.readAll();
        else
            hits.append(path + QStringLiteral(": unreadable, not scanned"));
        for (const auto &[name, secret] : secrets)
            for (const Needle &needle : needles(secret))
                if (!needle.bytes.isEmpty() && haystack.contains(needle.bytes))
                    hits.append(path.mid(root.size() + 1) + u": " + name + u' ' + needle.form);
    }
    return hits;
}

// How many files scan() reads under `root`: a scan of nothing would prove nothing.
inline int countFiles(const QString &root)
{
    int files = 0;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++files;
    }
    return files;
}

} // namespace secretscan
