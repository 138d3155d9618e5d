#include "ui/profileform.h"

#include "core/kube/objectmeta.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <limits>

namespace ui {

using core::burst::LocationLimits;
using core::burst::ScheduleProfile;
using core::kube::LabelSelector;

namespace {

QTableWidget *makeTable(const QString &name, const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setAccessibleName(name);
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->verticalHeader()->hide();
    table->setMinimumHeight(70);
    table->setMaximumHeight(120);
    return table;
}

QString cellText(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

QComboBox *operatorCombo(QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    for (auto op : {LabelSelector::Operator::In, LabelSelector::Operator::NotIn,
                    LabelSelector::Operator::Exists, LabelSelector::Operator::DoesNotExist})
        combo->addItem(LabelSelector::operatorName(op), int(op));
    return combo;
}

} // namespace

ProfileForm::ProfileForm(QWidget *parent) : WorkbenchForm(core::FieldArea::Profile, parent)
{
    setAccessibleName(tr("ScheduleProfile"));
    auto *outer = new QVBoxLayout(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto *page = new QWidget(scroll);
    auto *layout = new QVBoxLayout(page);
    m_title = new QLabel(page);
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    auto *form = new QFormLayout;
    m_strategy = new QComboBox(page);
    m_strategy->setObjectName(QStringLiteral("profileStrategy"));
    for (const QString &s :
         {QStringLiteral("auto"), QStringLiteral("localPrefer"), QStringLiteral("enforce")})
        m_strategy->addItem(s, s);
    form->addRow(tr("Strategy:"), m_strategy);
    layout->addLayout(form);
    layout->addWidget(buildSelector());
    auto *locations = new QHBoxLayout;
    locations->addWidget(buildLocation(false));
    locations->addWidget(buildLocation(true));
    layout->addLayout(locations);
    auto *note = new QLabel(tr("Only one location may set maxNum; localPrefer may configure only "
                               "one location. auto and localPrefer profiles may also take pods no "
                               "profile has claimed; enforce profiles only take unclaimed pods "
                               "(guide wording). The location with the higher scaleDownPriority "
                               "loses pods first on scale-down (decided: ties remove CCI pods)."),
                            page);
    note->setWordWrap(true);
    layout->addWidget(note);
    m_problems = new QLabel(page);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #d03030;"));
    layout->addWidget(m_problems);
    layout->addWidget(new QLabel(tr("Workloads this profile would capture:"), page));
    m_captures = new QListWidget(page);
    m_captures->setAccessibleName(tr("Workloads this profile would capture"));
    m_captures->setMinimumHeight(70);
    layout->addWidget(m_captures);
    auto *buttons = new QHBoxLayout;
    m_create = new QPushButton(tr("&Create a profile for this workload"), page);
    m_apply = new QPushButton(tr("A&pply to manifest"), page);
    m_apply->setObjectName(QStringLiteral("applyProfile"));
    buttons->addWidget(m_create);
    buttons->addStretch(1);
    buttons->addWidget(m_apply);
    layout->addLayout(buttons);
    scroll->setWidget(page);
    outer->addWidget(scroll);
    connect(m_apply, &QPushButton::clicked, this, &ProfileForm::apply);
    connect(m_create, &QPushButton::clicked, this, &ProfileForm::createRequested);
    connect(m_strategy, &QComboBox::currentIndexChanged, this, &ProfileForm::refreshDerived);
    setProfile(nullptr, {}, {});
}

QWidget *ProfileForm::buildSelector()
{
    auto *box = new QGroupBox(tr("Selector (objectLabels)"), this);
    auto *layout = new QVBoxLayout(box);
    m_matchLabels = makeTable(tr("matchLabels"), {tr("Label key"), tr("Value")}, box);
    m_expressions =
        makeTable(tr("matchExpressions"),
                  {tr("Label key"), tr("Operator"), tr("Values (comma-separated)")}, box);
    for (QTableWidget *table : {m_matchLabels, m_expressions}) {
        const bool expressions = table == m_expressions;
        layout->addWidget(
            new QLabel(expressions ? tr("matchExpressions:") : tr("matchLabels:"), box));
        layout->addWidget(table);
        auto *row = new QHBoxLayout;
        auto *add = new QPushButton(tr("Add"), box);
        auto *remove = new QPushButton(tr("Remove"), box);
        row->addWidget(add);
        row->addWidget(remove);
        row->addStretch(1);
        layout->addLayout(row);
        connect(add, &QPushButton::clicked, this, [this, table, expressions] {
            const int r = table->rowCount();
            table->insertRow(r);
            for (int c = 0; c < table->columnCount(); ++c)
                table->setItem(r, c, new QTableWidgetItem);
            if (expressions) {
                auto *op = operatorCombo(table);
                table->setCellWidget(r, 1, op);
                connect(op, &QComboBox::currentIndexChanged, this, &ProfileForm::refreshDerived);
            }
        });
        connect(remove, &QPushButton::clicked, this, [this, table] {
            if (table->currentRow() >= 0)
                table->removeRow(table->currentRow());
            refreshDerived();
        });
        connect(table, &QTableWidget::itemChanged, this, [this] {
            if (!filling())
                refreshDerived();
        });
    }
    return box;
}

QWidget *ProfileForm::buildLocation(bool cci)
{
    auto *box =
        new QGroupBox(cci ? tr("CCI (location.cci)") : tr("Local IDC (location.local)"), this);
    auto *form = new QFormLayout(box);
    auto *maxSet = new QCheckBox(tr("Limit pods (maxNum)"), box);
    auto *max = new QSpinBox(box);
    max->setRange(0, std::numeric_limits<int>::max());
    auto *prioritySet = new QCheckBox(tr("scaleDownPriority"), box);
    auto *priority = new QSpinBox(box);
    priority->setRange(-100, 100);
    form->addRow(maxSet, max);
    form->addRow(prioritySet, priority);
    (cci ? m_cciMaxSet : m_localMaxSet) = maxSet;
    (cci ? m_cciMax : m_localMax) = max;
    (cci ? m_cciPrioritySet : m_localPrioritySet) = prioritySet;
    (cci ? m_cciPriority : m_localPriority) = priority;
    for (QCheckBox *check : {maxSet, prioritySet})
        connect(check, &QCheckBox::toggled, this, &ProfileForm::refreshDerived);
    for (QSpinBox *spin : {max, priority})
        connect(spin, &QSpinBox::valueChanged, this, &ProfileForm::refreshDerived);
    return box;
}

void ProfileForm::setLocation(bool cci, const LocationLimits &limits)
{
    (cci ? m_cciMaxSet : m_localMaxSet)->setChecked(limits.maxNum.has_value());
    (cci ? m_cciMax : m_localMax)->setValue(int(limits.maxNum.value_or(0)));
    (cci ? m_cciPrioritySet : m_localPrioritySet)->setChecked(limits.scaleDownPriority.has_value());
    (cci ? m_cciPriority : m_localPriority)->setValue(int(limits.scaleDownPriority.value_or(0)));
}

LocationLimits ProfileForm::location(bool cci) const
{
    LocationLimits limits;
    limits.present = true;
    if ((cci ? m_cciMaxSet : m_localMaxSet)->isChecked())
        limits.maxNum = (cci ? m_cciMax : m_localMax)->value();
    if ((cci ? m_cciPrioritySet : m_localPrioritySet)->isChecked())
        limits.scaleDownPriority = (cci ? m_cciPriority : m_localPriority)->value();
    return limits;
}

void ProfileForm::showWorkload(const core::burst::Workspace &workspace,
                               const core::burst::WorkloadEntry *workload)
{
    const core::burst::ProfileEntry *entry = nullptr;
    if (workload && workload->preview.profile) {
        for (const core::burst::ProfileEntry &p : workspace.profiles()) {
            if (p.profile.name == workload->preview.profile->name &&
                p.profile.nameSpace == workload->preview.profile->nameSpace)
                entry = &p;
        }
    }
    showProfile(workspace, entry);
}

void ProfileForm::showProfile(const core::burst::Workspace &workspace,
                              const core::burst::ProfileEntry *entry)
{
    m_shown = entry ? std::optional(std::pair(entry->file, entry->object)) : std::nullopt;
    setProfile(entry, workspace.workloads(), workspace.profiles());
}

void ProfileForm::setProfile(const core::burst::ProfileEntry *entry,
                             const QList<core::burst::WorkloadEntry> &workloads,
                             const QList<core::burst::ProfileEntry> &profiles)
{
    {
        const auto filling = startFilling();
        m_workloads = workloads;
        m_profiles = profiles;
        m_loaded = entry ? std::optional(entry->profile) : std::nullopt;
        m_matchLabels->setRowCount(0);
        m_expressions->setRowCount(0);
        const ScheduleProfile p = m_loaded.value_or(ScheduleProfile{});
        m_title->setText(entry ? tr("<b>ScheduleProfile %1/%2</b>").arg(p.nameSpace, p.name)
                               : tr("No ScheduleProfile captures this workload."));
        m_strategy->setCurrentIndex(qMax(0, m_strategy->findData(p.strategyText)));
        for (auto it = p.selector.matchLabels().begin(); it != p.selector.matchLabels().end();
             ++it) {
            const int r = m_matchLabels->rowCount();
            m_matchLabels->insertRow(r);
            m_matchLabels->setItem(r, 0, new QTableWidgetItem(it.key()));
            m_matchLabels->setItem(r, 1, new QTableWidgetItem(it.value()));
        }
        for (const LabelSelector::Requirement &req : p.selector.requirements()) {
            const int r = m_expressions->rowCount();
            m_expressions->insertRow(r);
            m_expressions->setItem(r, 0, new QTableWidgetItem(req.key));
            auto *op = operatorCombo(m_expressions);
            op->setCurrentIndex(op->findData(int(req.op)));
            m_expressions->setCellWidget(r, 1, op);
            connect(op, &QComboBox::currentIndexChanged, this, &ProfileForm::refreshDerived);
            m_expressions->setItem(r, 2,
                                   new QTableWidgetItem(req.values.join(QStringLiteral(", "))));
        }
        setLocation(false, p.local);
        setLocation(true, p.cci);
        for (QWidget *w : std::initializer_list<QWidget *>{
                 m_strategy, m_matchLabels, m_expressions, m_apply, m_localMaxSet, m_localMax,
                 m_localPrioritySet, m_localPriority, m_cciMaxSet, m_cciMax, m_cciPrioritySet,
                 m_cciPriority})
            w->setEnabled(entry != nullptr);
        m_create->setVisible(entry == nullptr);
    }
    refreshDerived();
}

ScheduleProfile ProfileForm::editedProfile() const
{
    ScheduleProfile p = m_loaded.value_or(ScheduleProfile{});
    p.parseDiagnostics.clear();
    p.strategyText = m_strategy->currentData().toString();
    p.strategy = core::burst::parseStrategy(p.strategyText);
    QMap<QString, QString> labels;
    for (int r = 0; r < m_matchLabels->rowCount(); ++r) {
        if (!cellText(m_matchLabels, r, 0).isEmpty())
            labels.insert(cellText(m_matchLabels, r, 0), cellText(m_matchLabels, r, 1));
    }
    QList<LabelSelector::Requirement> requirements;
    for (int r = 0; r < m_expressions->rowCount(); ++r) {
        const auto *op = qobject_cast<QComboBox *>(m_expressions->cellWidget(r, 1));
        QStringList values;
        for (const QString &v : cellText(m_expressions, r, 2).split(u',', Qt::SkipEmptyParts))
            values.append(v.trimmed());
        requirements.append({cellText(m_expressions, r, 0),
                             LabelSelector::Operator(op ? op->currentData().toInt() : 0), values});
    }
    p.selector.setMatchLabels(labels);
    p.selector.setRequirements(requirements);
    p.local = location(false);
    p.cci = location(true);
    return p;
}

void ProfileForm::refreshDerived()
{
    if (filling())
        return;
    m_captures->clear();
    if (!m_loaded) {
        m_problems->clear();
        return;
    }
    const ScheduleProfile edited = editedProfile();
    QStringList problems;
    for (const core::Diagnostic &d : core::burst::validateScheduleProfile(edited)) {
        if (d.severity != core::Severity::Info)
            problems.append(d.path + QStringLiteral(": ") + d.message);
    }
    m_problems->setText(problems.join(u'\n'));
    QList<ScheduleProfile> all;
    for (const core::burst::ProfileEntry &p : m_profiles) {
        const bool same =
            p.profile.name == m_loaded->name && p.profile.nameSpace == m_loaded->nameSpace;
        all.append(same ? edited : p.profile);
    }
    for (const core::burst::WorkloadEntry &w : m_workloads) {
        if (w.preview.nameSpace != edited.nameSpace || edited.selector.isEmpty())
            continue;
        const auto labels = core::kube::labelsJsonOf(w.preview.originalPod);
        core::kube::Labels podLabels;
        for (auto it = labels.begin(); it != labels.end(); ++it)
            podLabels.insert(it.key(), it.value().toString());
        if (!edited.selector.matches(podLabels))
            continue;
        const auto winner = core::burst::associateProfile(all, w.preview.nameSpace, podLabels);
        const QString name = w.preview.kind + u'/' + w.preview.name;
        if (winner && all.at(*winner).name == edited.name)
            m_captures->addItem(
                tr("%1 — captured (relatedness %2)").arg(name).arg(edited.selector.relatedness()));
        else if (winner)
            m_captures->addItem(tr("%1 — matches, but %2 wins (higher relatedness or name first)")
                                    .arg(name, all.at(*winner).name));
        else
            m_captures->addItem(tr("%1 — matches, but this profile is invalid").arg(name));
    }
}

QList<models::FieldEdit> ProfileForm::changes() const
{
    QList<models::FieldEdit> edits;
    if (!m_loaded)
        return edits;
    const ScheduleProfile edited = editedProfile();
    if (edited.strategyText != m_loaded->strategyText)
        edits.append({{QStringLiteral("spec"), QStringLiteral("strategy")},
                      QJsonValue(edited.strategyText)});
    if (!(edited.selector == m_loaded->selector))
        edits.append({{QStringLiteral("spec"), QStringLiteral("objectLabels")},
                      QJsonValue(edited.selector.toJson())});
    const auto locationEdits = [&edits](const QString &key, const LocationLimits &before,
                                        const LocationLimits &after) {
        const auto field = [&](const QString &name, const std::optional<qint64> &b,
                               const std::optional<qint64> &a) {
            if (b == a)
                return;
            const QStringList path = {QStringLiteral("spec"), QStringLiteral("location"), key,
                                      name};
            edits.append({path, a ? std::optional<QJsonValue>(QJsonValue(*a)) : std::nullopt});
        };
        field(QStringLiteral("maxNum"), before.maxNum, after.maxNum);
        field(QStringLiteral("scaleDownPriority"), before.scaleDownPriority,
              after.scaleDownPriority);
    };
    locationEdits(QStringLiteral("local"), m_loaded->local, edited.local);
    locationEdits(QStringLiteral("cci"), m_loaded->cci, edited.cci);
    return edits;
}

void ProfileForm::apply()
{
    const QList<models::FieldEdit> edits = changes();
    if (!edits.isEmpty())
        emit editRequested(edits, tr("Edit ScheduleProfile %1").arg(m_loaded->name));
}

} // namespace ui
