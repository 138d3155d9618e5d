#pragma once

#include "core/common/result.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace core::cloud {

// Secrets (AK/SK, passwords, bearer tokens, client keys) kept in the OS keychain (Secret Service,
// macOS Keychain, Windows Credential Manager) through QtKeychain, each under a stable reference
// that settings may store in their place. Without a reachable keychain it reports
// keychainUnavailable() once and keeps secrets in memory for this session only: never on disk.
//
// Every callback runs later on the store's thread, never from inside the call, and is dropped
// when its `context` is destroyed first.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    using ReadDone = std::function<void(const Result<QString> &secret)>;
    using Done = std::function<void(const Result<void> &done)>;

    static QString defaultService() { return QStringLiteral("burst-console"); }

    explicit CredentialStore(QObject *parent = nullptr);
    CredentialStore(const QString &service, QObject *parent = nullptr);

    QString service() const { return m_service; }
    // False once the keychain proved unreachable: secrets then last only until the process ends.
    bool isPersistent() const { return m_persistent; }

    void write(const QString &reference, const QString &secret, QObject *context, Done done);
    void read(const QString &reference, QObject *context, ReadDone done);
    // Succeeds also when nothing was stored under `reference`.
    void remove(const QString &reference, QObject *context, Done done);

signals:
    void keychainUnavailable(const core::Error &error);

private:
    enum class Operation { Write, Read, Remove };
    struct Pending
    {
        Operation operation = Operation::Read;
        QString reference;
        QString secret;
        QPointer<QObject> context;
        Done done;
        ReadDone readDone;
    };

    void start(Pending pending);
    void startKeychainJob(const Pending &pending);
    void onJobFinished(const Pending &pending, int jobError, const QString &errorText,
                       const QString &secret);
    void runInMemory(const Pending &pending);
    void switchToMemory(const QString &reason);
    void finish(const Pending &pending, const Result<QString> &result);

    QString m_service;
    bool m_persistent = true;
    bool m_keychainAnswered = false;
    QHash<QString, QString> m_sessionSecrets;
};

} // namespace core::cloud
