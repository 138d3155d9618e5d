#pragma once

#include "core/kube/connection.h"
#include "models/connectionlist.h"

#include <QDialog>
#include <QPointer>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace core::cloud {
class CredentialStore;
}

namespace models {
class ConnectionTest;
}

namespace ui {

class MainWindow;

// Cluster > Connections…: every context of the kubeconfig (merged as kubectl merges it), of the
// kubeconfig files added here, and the CCI accounts, with their badge, safety and whether they
// are connected. Adds kubeconfig files and CCI accounts (secrets go to the credential store
// only), sets a context's safety, tests a connection (server version, authentication, the first
// refused permission; asynchronous, cancellable) and connects or disconnects it in the window.
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionDialog(MainWindow *window);
    ~ConnectionDialog() override;

    // Lists the sources again (files and accounts may have changed).
    void reload();
    // Selects the row of `name`; false when there is none.
    bool select(const QString &name);

    QTableView *view() const { return m_view; }
    models::ConnectionListModel *model() const { return m_model; }
    QComboBox *safetyBox() const { return m_safety; }
    QPushButton *testButton() const { return m_test; }
    QPushButton *connectButton() const { return m_connect; }
    QPushButton *disconnectButton() const { return m_disconnect; }
    QLabel *resultLabel() const { return m_result; }

    void addKubeconfigFile(const QString &path);
    void testSelected();
    void connectSelected();
    void disconnectSelected();

signals:
    // A test finished (its text is in resultLabel()), or a connection attempt failed.
    void testFinished();

private:
    using Use = std::function<void(core::kube::Connection connection)>;

    int selectedRow() const;
    void updateButtons();
    void chooseKubeconfigFile();
    void addAccount();
    void removeSelected();
    // Resolves the selected entry (asks for exec plugin trust, reads an account's secrets),
    // then `use`; failures go to the result line.
    void withConnection(const models::ConnectionEntry &entry, Use use);
    void withAccount(const models::ConnectionEntry &entry, const Use &use);
    void showResult(const QString &text);

    MainWindow *m_window;
    models::ConnectionListModel *m_model;
    core::cloud::CredentialStore *m_secrets;
    QTableView *m_view;
    QLabel *m_errors;
    QComboBox *m_safety;
    QPushButton *m_test;
    QPushButton *m_connect;
    QPushButton *m_disconnect;
    QPushButton *m_remove;
    QLabel *m_result;
    QPointer<models::ConnectionTest> m_running;
};

} // namespace ui
