#include "ui/strategyform.h"

#include "core/burst/burststrategy.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace ui {

using core::burst::Strategy;

StrategyForm::StrategyForm(QWidget *parent) : WorkbenchForm(core::FieldArea::Strategy, parent)
{
    setAccessibleName(tr("Burst strategy"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_workloadCombo = new QComboBox(this);
    m_workloadCombo->setObjectName(QStringLiteral("workloadStrategy"));
    m_podCombo = new QComboBox(this);
    m_podCombo->setObjectName(QStringLiteral("podStrategy"));
    form->addRow(tr("Workload label:"), m_workloadCombo);
    form->addRow(tr("Pod template label:"), m_podCombo);
    layout->addLayout(form);
    m_effective = new QLabel(this);
    m_effective->setWordWrap(true);
    m_effective->setTextFormat(Qt::RichText);
    layout->addWidget(m_effective);
    m_precedence = new QLabel(
        tr("<p><b>Precedence</b> (decided): pod-template label &gt; workload label &gt; "
           "ScheduleProfile &gt; none. A label always beats a profile.</p>"
           "<p><b>auto</b>: the scheduler's scores decide, CCE nodes preferred; "
           "<b>localPrefer</b>: CCI only when the cluster lacks resources; <b>enforce</b>: always "
           "CCI; <b>off</b>: never CCI. DaemonSets and hostNetwork pods never burst.</p>"),
        this);
    m_precedence->setWordWrap(true);
    layout->addWidget(m_precedence);
    layout->addStretch(1);
    for (QComboBox *combo : {m_workloadCombo, m_podCombo}) {
        const bool pod = combo == m_podCombo;
        connect(combo, &QComboBox::activated, this, [this, pod, combo] { emitChange(pod, combo); });
    }
    setWorkload(nullptr, {});
}

void StrategyForm::fill(QComboBox *combo, const core::kube::Labels &labels, bool enabled)
{
    combo->clear();
    combo->addItem(tr("(not set)"), QString());
    for (Strategy s : {Strategy::Auto, Strategy::LocalPrefer, Strategy::Enforce, Strategy::Off})
        combo->addItem(core::burst::strategyName(s), core::burst::strategyName(s));
    const QString current = labels.value(core::burst::kBurstLabel);
    int index = combo->findData(current);
    if (index < 0) { // an invalid value stays visible until the operator picks a valid one
        combo->addItem(tr("%1 (invalid)").arg(current), current);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
    combo->setEnabled(enabled);
}

void StrategyForm::setWorkload(const core::kube::Workload *workload,
                               const core::burst::PreviewResult &preview)
{
    const bool has = workload != nullptr;
    {
        const auto filling = startFilling();
        fill(m_workloadCombo, has ? workload->workloadLabels : core::kube::Labels{},
             has && !workload->isPod());
        fill(m_podCombo, has ? workload->podLabels : core::kube::Labels{}, has);
    }
    if (!has) {
        m_effective->setText(tr("Select a workload."));
        return;
    }
    QString text = tr("<b>Effective strategy:</b> %1, from %2")
                       .arg(core::burst::strategyName(preview.strategy.value),
                            core::burst::sourceName(preview.strategy.source));
    if (!preview.strategy.profile.isEmpty())
        text += u"<br/>" + tr("Associated ScheduleProfile: %1").arg(preview.strategy.profile);
    text += u"<br/>" + (preview.bursts ? tr("Pods may run on CCI.") : tr("Pods never go to CCI."));
    m_effective->setText(text);
}

void StrategyForm::showWorkload(const core::burst::Workspace &workspace,
                                const core::burst::WorkloadEntry *workload)
{
    if (!workload) {
        setWorkload(nullptr, {});
        return;
    }
    const core::kube::Workload w = workspace.workload(*workload);
    setWorkload(&w, workload->preview);
}

void StrategyForm::emitChange(bool podTemplate, QComboBox *combo)
{
    if (!filling())
        emit labelChangeRequested(podTemplate, combo->currentData().toString());
}

} // namespace ui
