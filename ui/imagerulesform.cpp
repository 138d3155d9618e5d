#include "ui/imagerulesform.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

using core::burst::ImageRule;

ImageRulesForm::ImageRulesForm(QWidget *parent)
    : WorkbenchForm(core::FieldArea::ImageReplacement, parent)
{
    setAccessibleName(tr("Image replacement"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("A rule replaces an image's prefix (everything before its last \"/\") on CCI. An empty "
           "prefix matches images without \"/\" and puts the replacement in front. Each image "
           "uses at most one rule; order does not matter."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_rules = new QTableWidget(0, 2, this);
    m_rules->setObjectName(QStringLiteral("imageRules"));
    m_rules->setAccessibleName(tr("Image replacement rules"));
    m_rules->setHorizontalHeaderLabels({tr("Repository prefix"), tr("Replace with")});
    m_rules->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_rules->verticalHeader()->hide();
    layout->addWidget(m_rules, 1);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add rule"), this);
    auto *remove = new QPushButton(tr("&Remove rule"), this);
    auto *applyButton = new QPushButton(tr("A&pply to manifest"), this);
    applyButton->setObjectName(QStringLiteral("applyImageRules"));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    buttons->addWidget(applyButton);
    layout->addLayout(buttons);
    m_problems = new QLabel(this);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #d03030;"));
    layout->addWidget(m_problems);
    m_matches = new QTableWidget(0, 4, this);
    m_matches->setAccessibleName(tr("Images on CCI"));
    m_matches->setHorizontalHeaderLabels(
        {tr("Container"), tr("Image as written"), tr("Rule"), tr("Image on CCI")});
    m_matches->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_matches->horizontalHeader()->setStretchLastSection(true);
    m_matches->verticalHeader()->hide();
    m_matches->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_matches, 1);

    connect(add, &QPushButton::clicked, this, [this] { addRule(QString(), QString()); });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_rules->currentRow() >= 0)
            m_rules->removeRow(m_rules->currentRow());
        validate();
    });
    connect(applyButton, &QPushButton::clicked, this, &ImageRulesForm::apply);
    connect(m_rules, &QTableWidget::itemChanged, this, [this] {
        if (!filling())
            validate();
    });
    setEnabled(false);
}

void ImageRulesForm::addRule(const QString &prefix, const QString &replaceWith)
{
    {
        const auto filling = startFilling();
        const int row = m_rules->rowCount();
        m_rules->insertRow(row);
        m_rules->setItem(row, 0, new QTableWidgetItem(prefix));
        m_rules->setItem(row, 1, new QTableWidgetItem(replaceWith));
    }
    validate();
}

QList<ImageRule> ImageRulesForm::editedRules() const
{
    QList<ImageRule> rules;
    for (int row = 0; row < m_rules->rowCount(); ++row) {
        const QTableWidgetItem *prefix = m_rules->item(row, 0);
        const QTableWidgetItem *with = m_rules->item(row, 1);
        rules.append({prefix ? prefix->text().trimmed() : QString(),
                      with ? with->text().trimmed() : QString()});
    }
    return rules;
}

void ImageRulesForm::setWorkload(const core::burst::PreviewResult *preview,
                                 const QString &annotationValue)
{
    setEnabled(preview != nullptr);
    {
        const auto filling = startFilling();
        m_rules->setRowCount(0);
    }
    if (!preview) {
        m_matches->setRowCount(0);
        m_problems->clear();
        return;
    }
    m_preview = *preview;
    if (!annotationValue.isEmpty()) {
        for (const ImageRule &rule : core::burst::parseImageRules(annotationValue).rules)
            addRule(rule.repositoryPrefix, rule.replaceWith);
    }
    validate();
}

void ImageRulesForm::showWorkload(const core::burst::Workspace &workspace,
                                  const core::burst::WorkloadEntry *workload)
{
    if (!workload) {
        setWorkload(nullptr, {});
        return;
    }
    setWorkload(&workload->preview,
                podAnnotation(workspace.workload(*workload), core::burst::kImageAnnotation));
}

void ImageRulesForm::validate()
{
    const QString text = core::burst::imageRulesToAnnotation(editedRules());
    const core::burst::ImageRules parsed = core::burst::parseImageRules(text);
    QStringList problems;
    for (const core::Diagnostic &d : parsed.diagnostics)
        problems.append(tr("Rule %1: %2").arg(d.path, d.message));
    m_problems->setText(problems.join(u'\n'));
    showMatches();
}

void ImageRulesForm::showMatches()
{
    const QList<ImageRule> rules =
        core::burst::parseImageRules(core::burst::imageRulesToAnnotation(editedRules())).rules;
    m_matches->setRowCount(0);
    for (const core::burst::ContainerPreview &c : m_preview.containers) {
        const int row = m_matches->rowCount();
        m_matches->insertRow(row);
        const int rule = core::burst::matchImageRule(rules, c.imageBefore);
        const QString after =
            rule >= 0 ? core::burst::replaceImage(rules.at(rule), c.imageBefore) : c.imageBefore;
        const QString name = c.init ? tr("%1 (init)").arg(c.name) : c.name;
        m_matches->setItem(row, 0, new QTableWidgetItem(name));
        m_matches->setItem(row, 1, new QTableWidgetItem(c.imageBefore));
        m_matches->setItem(row, 2,
                           new QTableWidgetItem(rule >= 0
                                                    ? (rules.at(rule).repositoryPrefix.isEmpty()
                                                           ? tr("(no prefix)")
                                                           : rules.at(rule).repositoryPrefix)
                                                    : tr("none")));
        m_matches->setItem(row, 3, new QTableWidgetItem(after));
    }
}

void ImageRulesForm::apply()
{
    const QList<ImageRule> rules = editedRules();
    emit annotationChangeRequested(rules.isEmpty() ? QString()
                                                   : core::burst::imageRulesToAnnotation(rules));
}

} // namespace ui
