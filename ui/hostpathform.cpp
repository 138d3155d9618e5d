#include "ui/hostpathform.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

using core::burst::HostPathPolicy;
using core::burst::HostPathRule;

namespace {

const QString kWildcard = QStringLiteral("*");

QStringList policyNames()
{
    return {QString(), QStringLiteral("remove"), QStringLiteral("replaceByLocalDir"),
            QStringLiteral("replaceByEmptyDir"), QStringLiteral("replaceByFlexVolume")};
}

} // namespace

HostPathForm::HostPathForm(QWidget *parent) : WorkbenchForm(core::FieldArea::HostPath, parent)
{
    setAccessibleName(tr("hostPath replacement"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("CCI has no hostPath. Each hostPath volume needs a rule: remove it (and its mounts), or "
           "replace it by a localDir, an emptyDir or an EVS flexVolume (sata: common I/O, sas: "
           "high I/O, ssd: ultra-high I/O). The \"*\" row (decided) covers every hostPath volume "
           "no named rule covers."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("hostPathRules"));
    m_table->setAccessibleName(tr("hostPath replacement rules"));
    m_table->setHorizontalHeaderLabels({tr("Volume"), tr("Host path"), tr("Policy"),
                                        tr("Size limit"), tr("Driver"), tr("fsType"),
                                        tr("Volume type"), tr("Volume size")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);
    m_problems = new QLabel(this);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #d03030;"));
    layout->addWidget(m_problems);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    auto *applyButton = new QPushButton(tr("A&pply to manifest"), this);
    applyButton->setObjectName(QStringLiteral("applyHostPathRules"));
    buttons->addWidget(applyButton);
    layout->addLayout(buttons);
    connect(applyButton, &QPushButton::clicked, this, &HostPathForm::apply);
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!filling())
            validate();
    });
    setEnabled(false);
}

void HostPathForm::addRow(const QString &volume, const QString &hostPath, const HostPathRule *rule)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *name = new QTableWidgetItem(volume == kWildcard ? tr("* (all others)") : volume);
    name->setData(Qt::UserRole, volume);
    name->setFlags(name->flags() & ~Qt::ItemIsEditable);
    m_table->setItem(row, Volume, name);
    auto *path = new QTableWidgetItem(hostPath);
    path->setFlags(path->flags() & ~Qt::ItemIsEditable);
    m_table->setItem(row, HostPath, path);
    auto *policy = new QComboBox(m_table);
    for (const QString &p : policyNames())
        policy->addItem(p.isEmpty() ? tr("(no rule)") : p, p);
    m_table->setCellWidget(row, Policy, policy);
    auto *type = new QComboBox(m_table);
    for (const QString &t : {QStringLiteral("sata"), QStringLiteral("sas"), QStringLiteral("ssd")})
        type->addItem(t, t);
    m_table->setCellWidget(row, VolumeType, type);
    const QStringList texts = {rule ? rule->sizeLimit : QString(),
                               rule ? rule->driver : QStringLiteral("huawei.com/fuxidisk"),
                               rule ? rule->fsType : QStringLiteral("ext4")};
    const Column textColumns[] = {SizeLimit, Driver, FsType};
    for (int i = 0; i < 3; ++i)
        m_table->setItem(row, textColumns[i], new QTableWidgetItem(texts.at(i)));
    m_table->setItem(row, VolumeSize, new QTableWidgetItem(rule ? rule->volumeSize : QString()));
    if (rule) {
        policy->setCurrentIndex(policy->findData(core::burst::policyName(rule->policy)));
        if (!rule->volumeType.isEmpty())
            type->setCurrentIndex(type->findData(rule->volumeType));
    }
    connect(policy, &QComboBox::currentIndexChanged, this, &HostPathForm::validate);
    connect(type, &QComboBox::currentIndexChanged, this, &HostPathForm::validate);
}

void HostPathForm::setPod(const QJsonObject *podSpec, const QString &annotationValue)
{
    setEnabled(podSpec != nullptr);
    {
        const auto filling = startFilling();
        m_table->setRowCount(0);
        m_podSpec = podSpec ? *podSpec : QJsonObject();
        const QList<HostPathRule> rules =
            annotationValue.isEmpty() ? QList<HostPathRule>()
                                      : core::burst::parseHostPathRules(annotationValue).rules;
        auto ruleFor = [&rules](const QString &name) -> const HostPathRule * {
            for (const HostPathRule &r : rules) {
                if (r.name == name)
                    return &r;
            }
            return nullptr;
        };
        for (const QJsonValue &v : m_podSpec.value(u"volumes").toArray()) {
            const QJsonObject volume = v.toObject();
            if (!volume.contains(u"hostPath"))
                continue;
            const QString name = volume.value(u"name").toString();
            addRow(name, volume.value(u"hostPath").toObject().value(u"path").toString(),
                   ruleFor(name));
        }
        if (podSpec)
            addRow(kWildcard, QString(), ruleFor(kWildcard));
        m_table->resizeColumnsToContents();
    }
    validate();
}

void HostPathForm::showWorkload(const core::burst::Workspace &workspace,
                                const core::burst::WorkloadEntry *workload)
{
    if (!workload) {
        setPod(nullptr, {});
        return;
    }
    const core::kube::Workload w = workspace.workload(*workload);
    const QJsonObject podSpec = w.podSpec();
    setPod(&podSpec, podAnnotation(w, core::burst::kHostPathAnnotation));
}

void HostPathForm::setPolicy(int row, const QString &policyType)
{
    auto *combo = qobject_cast<QComboBox *>(m_table->cellWidget(row, Policy));
    combo->setCurrentIndex(combo->findData(policyType));
}

void HostPathForm::setField(int row, Column column, const QString &value)
{
    if (column == VolumeType) {
        auto *combo = qobject_cast<QComboBox *>(m_table->cellWidget(row, VolumeType));
        combo->setCurrentIndex(combo->findData(value));
        return;
    }
    m_table->item(row, column)->setText(value);
}

QList<HostPathRule> HostPathForm::editedRules() const
{
    QList<HostPathRule> rules;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString policyText =
            qobject_cast<QComboBox *>(m_table->cellWidget(row, Policy))->currentData().toString();
        if (policyText.isEmpty())
            continue;
        HostPathRule rule;
        rule.name = m_table->item(row, Volume)->data(Qt::UserRole).toString();
        for (HostPathPolicy p :
             {HostPathPolicy::Remove, HostPathPolicy::ReplaceByLocalDir,
              HostPathPolicy::ReplaceByEmptyDir, HostPathPolicy::ReplaceByFlexVolume}) {
            if (core::burst::policyName(p) == policyText)
                rule.policy = p;
        }
        rule.sizeLimit = m_table->item(row, SizeLimit)->text().trimmed();
        rule.driver = m_table->item(row, Driver)->text().trimmed();
        rule.fsType = m_table->item(row, FsType)->text().trimmed();
        rule.volumeType = qobject_cast<QComboBox *>(m_table->cellWidget(row, VolumeType))
                              ->currentData()
                              .toString();
        rule.volumeSize = m_table->item(row, VolumeSize)->text().trimmed();
        rules.append(rule);
    }
    return rules;
}

void HostPathForm::validate()
{
    if (filling())
        return;
    const QList<HostPathRule> rules = editedRules();
    QStringList problems;
    const core::burst::HostPathRules parsed =
        core::burst::parseHostPathRules(core::burst::hostPathRulesToAnnotation(rules));
    for (const core::Diagnostic &d : parsed.diagnostics)
        problems.append(tr("Rule %1: %2").arg(d.path, d.message));
    const core::burst::HostPathApplication applied =
        core::burst::applyHostPathRules(m_podSpec, parsed.rules);
    if (!applied.unhandled.isEmpty())
        problems.append(tr("No rule for %1: the pod cannot burst to CCI.")
                            .arg(applied.unhandled.join(QStringLiteral(", "))));
    m_problems->setText(problems.join(u'\n'));
}

void HostPathForm::apply()
{
    const QList<HostPathRule> rules = editedRules();
    emit annotationChangeRequested(rules.isEmpty() ? QString()
                                                   : core::burst::hostPathRulesToAnnotation(rules));
}

} // namespace ui
