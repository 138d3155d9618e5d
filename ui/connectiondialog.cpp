#include "ui/connectiondialog.h"

#include "core/cloud/credentialstore.h"
#include "models/clustersession.h"
#include "models/connectiontest.h"
#include "models/contextsafety.h"
#include "ui/exectrust.h"
#include "ui/mainwindow.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QUuid>
#include <QVBoxLayout>

#include <memory>

namespace ui {

namespace {

using core::cloud::CloudAccount;

struct AccountSecrets
{
    QString first; // password, or access key
    QString secretKey;
};

// The "Add CCI account" form; nullopt when cancelled or incomplete.
std::optional<std::pair<CloudAccount, AccountSecrets>> askAccount(QWidget *parent)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(ConnectionDialog::tr("Add CCI account"));
    auto *form = new QFormLayout(&dialog);
    auto *name = new QLineEdit(&dialog);
    auto *region = new QComboBox(&dialog);
    for (const core::cloud::CciRegion &r : models::cciRegions())
        region->addItem(ConnectionDialog::tr("%1 (%2)").arg(r.displayName, r.id), r.id);
    auto *project = new QLineEdit(&dialog);
    project->setPlaceholderText(ConnectionDialog::tr("the region's default project"));
    auto *kind = new QComboBox(&dialog);
    kind->addItem(ConnectionDialog::tr("Access key (AK/SK)"));
    kind->addItem(ConnectionDialog::tr("IAM user and password"));
    auto *accessKey = new QLineEdit(&dialog);
    auto *secretKey = new QLineEdit(&dialog);
    secretKey->setEchoMode(QLineEdit::Password);
    auto *user = new QLineEdit(&dialog);
    auto *domain = new QLineEdit(&dialog);
    auto *password = new QLineEdit(&dialog);
    password->setEchoMode(QLineEdit::Password);
    form->addRow(ConnectionDialog::tr("Name:"), name);
    form->addRow(ConnectionDialog::tr("Region:"), region);
    form->addRow(ConnectionDialog::tr("Project:"), project);
    form->addRow(ConnectionDialog::tr("Authentication:"), kind);
    form->addRow(ConnectionDialog::tr("Access key:"), accessKey);
    form->addRow(ConnectionDialog::tr("Secret key:"), secretKey);
    form->addRow(ConnectionDialog::tr("IAM user:"), user);
    form->addRow(ConnectionDialog::tr("Account (domain):"), domain);
    form->addRow(ConnectionDialog::tr("Password:"), password);
    form->addRow(new QLabel(ConnectionDialog::tr("Secrets are kept in the system keychain only."),
                            &dialog));
    const auto showKind = [=](int index) {
        for (QWidget *w : {accessKey, secretKey})
            form->setRowVisible(w, index == 0);
        for (QWidget *w : {user, domain, password})
            form->setRowVisible(w, index == 1);
    };
    QObject::connect(kind, &QComboBox::currentIndexChanged, &dialog, showKind);
    showKind(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    CloudAccount account;
    account.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    account.displayName = name->text().trimmed();
    account.region = region->currentData().toString();
    account.projectName = project->text().trimmed();
    AccountSecrets secrets;
    if (kind->currentIndex() == 0) {
        account.authKind = CloudAccount::AuthKind::AkSk;
        secrets = {accessKey->text().trimmed(), secretKey->text()};
    } else {
        account.authKind = CloudAccount::AuthKind::Password;
        account.userName = user->text().trimmed();
        account.domainName = domain->text().trimmed();
        secrets = {password->text(), {}};
    }
    if (account.displayName.isEmpty())
        account.displayName = QStringLiteral("cci-") + account.region;
    if (secrets.first.isEmpty() || (account.authKind == CloudAccount::AuthKind::AkSk &&
                                    secrets.secretKey.isEmpty()))
        return std::nullopt;
    account.assignReferences();
    return std::pair(account, secrets);
}

} // namespace

ConnectionDialog::ConnectionDialog(MainWindow *window)
    : QDialog(window),
      m_window(window),
      m_model(new models::ConnectionListModel(this)),
      m_secrets(new core::cloud::CredentialStore(this)),
      m_view(new QTableView(this)),
      m_errors(new QLabel(this)),
      m_safety(new QComboBox(this)),
      m_test(new QPushButton(tr("&Test Connection"), this)),
      m_connect(new QPushButton(tr("&Connect"), this)),
      m_disconnect(new QPushButton(tr("&Disconnect"), this)),
      m_remove(new QPushButton(tr("&Remove"), this)),
      m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Connections"));
    resize(900, 480);
    m_view->setObjectName(QStringLiteral("connections"));
    m_view->setAccessibleName(tr("Connections"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_errors->setWordWrap(true);
    m_errors->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setAccessibleName(tr("Test result"));
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setWordWrap(true);
    m_result->setMinimumHeight(m_result->fontMetrics().lineSpacing() * 4);
    m_result->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_safety->setAccessibleName(tr("Safety of the selected context"));
    for (models::ContextSafety s : {models::ContextSafety::Normal,
                                    models::ContextSafety::Production,
                                    models::ContextSafety::ReadOnly})
        m_safety->addItem(models::safetyLabel(s), int(s));

    auto *addFile = new QPushButton(tr("Add &Kubeconfig File…"), this);
    auto *addAccount = new QPushButton(tr("Add CCI &Account…"), this);
    auto *sources = new QHBoxLayout;
    sources->addWidget(addFile);
    sources->addWidget(addAccount);
    sources->addWidget(m_remove);
    sources->addStretch(1);
    sources->addWidget(new QLabel(tr("Safety:"), this));
    sources->addWidget(m_safety);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_test);
    actions->addStretch(1);
    actions->addWidget(m_connect);
    actions->addWidget(m_disconnect);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    actions->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_errors);
    layout->addLayout(sources);
    layout->addWidget(m_result);
    layout->addLayout(actions);

    connect(addFile, &QPushButton::clicked, this, &ConnectionDialog::chooseKubeconfigFile);
    connect(addAccount, &QPushButton::clicked, this, &ConnectionDialog::addAccount);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionDialog::removeSelected);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::testSelected);
    connect(m_connect, &QPushButton::clicked, this, &ConnectionDialog::connectSelected);
    connect(m_disconnect, &QPushButton::clicked, this, &ConnectionDialog::disconnectSelected);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_view, &QTableView::doubleClicked, this, &ConnectionDialog::connectSelected);
    connect(m_safety, &QComboBox::activated, this, [this](int index) {
        const int row = selectedRow();
        if (row >= 0)
            models::setContextSafety(m_model->entries().at(row).name,
                                     models::ContextSafety(m_safety->itemData(index).toInt()));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { updateButtons(); });
    connect(window, &MainWindow::sessionsChanged, this, [this] {
        QSet<QString> names;
        for (models::ClusterSession *s : m_window->sessions())
            names.insert(s->contextName());
        m_model->setConnected(names);
        updateButtons();
    });
    reload();
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::reload()
{
    const QString selected =
        selectedRow() >= 0 ? m_model->entries().at(selectedRow()).name : QString();
    models::ConnectionSources sources;
    sources.search = m_window->kubeconfigSearch();
    sources.extraFiles = models::extraKubeconfigFiles();
    sources.accounts = models::savedAccounts();
    sources.regions = models::cciRegions();
    m_model->setListing(models::listConnections(sources));
    QSet<QString> names;
    for (models::ClusterSession *s : m_window->sessions())
        names.insert(s->contextName());
    m_model->setConnected(names);
    m_errors->setText(m_model->errors().join(u'\n'));
    m_errors->setVisible(!m_model->errors().isEmpty());
    m_view->resizeColumnsToContents();
    if (!select(selected)) {
        int current = -1;
        for (int row = 0; row < m_model->rowCount() && current < 0; ++row)
            current = m_model->entries().at(row).current ? row : -1;
        if (current >= 0)
            m_view->selectRow(current);
    }
    updateButtons();
}

bool ConnectionDialog::select(const QString &name)
{
    const int row = name.isEmpty() ? -1 : m_model->rowOf(name);
    if (row < 0)
        return false;
    m_view->selectRow(row);
    updateButtons();
    return true;
}

int ConnectionDialog::selectedRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void ConnectionDialog::updateButtons()
{
    const int row = selectedRow();
    const bool any = row >= 0;
    const bool connected = m_model->isConnected(row);
    m_connect->setEnabled(any && !connected);
    m_disconnect->setEnabled(connected);
    m_test->setEnabled(any || m_running);
    m_safety->setEnabled(any);
    m_remove->setEnabled(any && (m_model->entries().at(row).isAccount() ||
                                 !m_model->entries().at(row).kubeconfigPath.isEmpty()));
    if (any)
        m_safety->setCurrentIndex(
            m_safety->findData(int(models::contextSafety(m_model->entries().at(row).name))));
}

void ConnectionDialog::showResult(const QString &text)
{
    m_result->setText(text);
}

void ConnectionDialog::chooseKubeconfigFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Add a kubeconfig file"));
    if (!path.isEmpty())
        addKubeconfigFile(path);
}

void ConnectionDialog::addKubeconfigFile(const QString &path)
{
    QStringList files = models::extraKubeconfigFiles();
    if (!files.contains(path))
        files.append(path);
    models::setExtraKubeconfigFiles(files);
    reload();
}

void ConnectionDialog::addAccount()
{
    const auto answer = askAccount(this);
    if (!answer) {
        showResult(tr("No account added: give a secret key and access key, or a password."));
        return;
    }
    const auto &[account, secrets] = *answer;
    if (const auto saved = models::saveAccount(account); !saved) {
        showResult(saved.error().message);
        return;
    }
    const auto stored = [this](const core::Result<void> &r) {
        if (!r)
            showResult(tr("The secret was not stored: %1").arg(r.error().message));
    };
    if (account.authKind == CloudAccount::AuthKind::Password) {
        m_secrets->write(account.passwordReference, secrets.first, this, stored);
    } else {
        m_secrets->write(account.accessKeyReference, secrets.first, this, stored);
        m_secrets->write(account.secretKeyReference, secrets.secretKey, this, stored);
    }
    reload();
    select(account.displayName);
}

void ConnectionDialog::removeSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const models::ConnectionEntry entry = m_model->entries().at(row);
    if (entry.isAccount()) {
        for (const CloudAccount &a : models::savedAccounts()) {
            if (a.id != entry.accountId)
                continue;
            for (const QString &reference : a.references())
                m_secrets->remove(reference, this, [](const core::Result<void> &) {});
        }
        models::removeAccount(entry.accountId);
    } else {
        QStringList files = models::extraKubeconfigFiles();
        files.removeAll(entry.kubeconfigPath);
        models::setExtraKubeconfigFiles(files);
    }
    reload();
}

void ConnectionDialog::withConnection(const models::ConnectionEntry &entry, Use use)
{
    if (entry.isAccount())
        return withAccount(entry, use);
    auto resolved = models::resolveEntry(entry, m_window->kubeconfigSearch());
    if (!resolved) {
        showResult(resolved.error().message + u'\n' + resolved.error().hint);
        emit testFinished();
        return;
    }
    core::kube::Connection connection = resolved.value();
    if (!approveExecPlugin(this, connection, m_window->trustedExecFiles())) {
        showResult(tr("Not connected: the credential plugin of \"%1\" was not trusted.")
                       .arg(entry.name));
        emit testFinished();
        return;
    }
    use(std::move(connection));
}

void ConnectionDialog::withAccount(const models::ConnectionEntry &entry, const Use &use)
{
    std::optional<CloudAccount> account;
    for (const CloudAccount &a : models::savedAccounts())
        account = a.id == entry.accountId ? std::optional(a) : account;
    const auto region = account ? core::cloud::findCciRegion(models::cciRegions(), account->region)
                                : std::nullopt;
    if (!account || !region) {
        showResult(tr("The account \"%1\" or its region is gone.").arg(entry.name));
        return;
    }
    const bool password = account->authKind == CloudAccount::AuthKind::Password;
    auto secrets = std::make_shared<AccountSecrets>();
    const auto failed = [this](const core::Error &error) {
        showResult(tr("Cannot read the account's secret: %1").arg(error.message));
        emit testFinished();
    };
    const auto done = [account = *account, region = *region, secrets, use] {
        use(models::accountConnection(account, region, secrets->first, secrets->secretKey));
    };
    m_secrets->read(password ? account->passwordReference : account->accessKeyReference, this,
                    [=, store = m_secrets, this](const core::Result<QString> &first) {
                        if (!first)
                            return failed(first.error());
                        secrets->first = first.value();
                        if (password)
                            return done();
                        store->read(account->secretKeyReference, this,
                                    [=](const core::Result<QString> &second) {
                                        if (!second)
                                            return failed(second.error());
                                        secrets->secretKey = second.value();
                                        done();
                                    });
                    });
}

void ConnectionDialog::testSelected()
{
    if (m_running) {
        m_running->cancel();
        m_running->deleteLater();
        m_running.clear();
        m_test->setText(tr("&Test Connection"));
        showResult(tr("Test cancelled."));
        updateButtons();
        return;
    }
    const int row = selectedRow();
    if (row < 0)
        return;
    const models::ConnectionEntry entry = m_model->entries().at(row);
    showResult(tr("Testing %1…").arg(entry.name));
    withConnection(entry, [this, name = entry.name](core::kube::Connection connection) {
        auto *test = new models::ConnectionTest(std::move(connection), this);
        m_running = test;
        m_test->setText(tr("Cancel &Test"));
        connect(test, &models::ConnectionTest::finished, this,
                [this, test, name](const models::ConnectionTestResult &result) {
                    showResult(tr("%1:\n%2").arg(name, models::describeTestResult(result)));
                    m_test->setText(tr("&Test Connection"));
                    test->deleteLater();
                    updateButtons();
                    emit testFinished();
                });
        test->start();
    });
}

void ConnectionDialog::connectSelected()
{
    const int row = selectedRow();
    if (row < 0 || m_model->isConnected(row))
        return;
    const models::ConnectionEntry entry = m_model->entries().at(row);
    withConnection(entry, [this, name = entry.name](core::kube::Connection connection) {
        if (connection.contextName.isEmpty())
            connection.contextName = name;
        m_window->connectTo(std::move(connection));
        showResult(tr("Connecting to %1; its state is in the status bar.").arg(name));
    });
}

void ConnectionDialog::disconnectSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    if (models::ClusterSession *s = m_window->session(m_model->entries().at(row).name))
        m_window->disconnectSession(s);
}

} // namespace ui
