#include "core/kube/exectruststore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

namespace core::kube {

namespace {

const QString kGroup = QStringLiteral("execPluginTrust/");

QString shellQuoted(const QString &word)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    if (plain.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return QString(u'\'' + quoted + u'\'');
}

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

} // namespace

ExecTrustStore::ExecTrustStore(QString settingsFile) : m_settingsFile(std::move(settingsFile)) {}

bool ExecTrustStore::isTrusted(const QString &kubeconfigPath, const QString &userName,
                               const ExecConfig &config) const
{
    const QSettings settings(m_settingsFile, QSettings::IniFormat);
    return settings.value(kGroup + entryKey(kubeconfigPath, userName)).toString() ==
           fingerprint(config);
}

void ExecTrustStore::trust(const QString &kubeconfigPath, const QString &userName,
                           const ExecConfig &config)
{
    QSettings settings(m_settingsFile, QSettings::IniFormat);
    settings.setValue(kGroup + entryKey(kubeconfigPath, userName), fingerprint(config));
}

void ExecTrustStore::revoke(const QString &kubeconfigPath, const QString &userName)
{
    QSettings settings(m_settingsFile, QSettings::IniFormat);
    settings.remove(kGroup + entryKey(kubeconfigPath, userName));
}

QString ExecTrustStore::commandLine(const ExecConfig &config)
{
    QStringList words;
    for (const auto &[name, value] : config.env)
        words << QString(name + u'=' + shellQuoted(value));
    words << shellQuoted(config.command);
    for (const QString &arg : config.args)
        words << shellQuoted(arg);
    return words.join(u' ');
}

QString ExecTrustStore::entryKey(const QString &kubeconfigPath, const QString &userName)
{
    // Hashed because QSettings keys cannot hold arbitrary paths ('/' nests groups, '\\' is
    // mangled on Windows); the separator keeps ("a", "bc") and ("ab", "c") apart.
    const QString path = QDir::cleanPath(QDir::fromNativeSeparators(kubeconfigPath));
    return sha256Hex(QString(path + u'\0' + userName).toUtf8());
}

QString ExecTrustStore::fingerprint(const ExecConfig &config)
{
    // A JSON array is an unambiguous encoding: no join character can forge another argv.
    QJsonArray env;
    for (const auto &[name, value] : config.env)
        env.append(QJsonArray{name, value});
    const QJsonArray line{config.command, QJsonArray::fromStringList(config.args), env};
    return sha256Hex(QJsonDocument(line).toJson(QJsonDocument::Compact));
}

QString defaultExecTrustFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/burst-console/exec-trust.ini");
}

} // namespace core::kube
