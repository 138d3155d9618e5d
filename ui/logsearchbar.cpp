#include "ui/logsearchbar.h"

#include "ui/clearbutton.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QTimer>
#include <QToolButton>

namespace ui {

namespace {

constexpr int kApplyDelayMs = 200;

QToolButton *toggle(QWidget *parent, const QString &text, const QString &name,
                    const QString &tip)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setCheckable(true);
    button->setAccessibleName(name);
    button->setToolTip(tip);
    return button;
}

} // namespace

LogSearchBar::LogSearchBar(QWidget *parent)
    : QWidget(parent),
      m_edit(new QLineEdit(this)),
      m_regex(toggle(this, tr(".*"), tr("Regular expression"),
                     tr("Search and filter with a regular expression"))),
      m_case(toggle(this, tr("Aa"), tr("Match case"), tr("Search and filter match case"))),
      m_word(toggle(this, tr("W"), tr("Whole word"), tr("Search and filter match whole words"))),
      m_previous(new QToolButton(this)),
      m_next(new QToolButton(this)),
      m_count(new QLabel(this)),
      m_delay(new QTimer(this))
{
    setAccessibleName(tr("Search logs"));
    m_edit->setAccessibleName(tr("Search"));
    m_edit->setPlaceholderText(tr("Search (Ctrl+F); Enter: next, Shift+Enter: previous"));
    enableClearButton(m_edit);
    m_edit->installEventFilter(this);
    m_case->setChecked(false);
    m_previous->setText(tr("Previous"));
    m_previous->setAccessibleName(tr("Previous match"));
    m_previous->setToolTip(tr("Previous match (Shift+F3)"));
    m_next->setText(tr("Next"));
    m_next->setAccessibleName(tr("Next match"));
    m_next->setToolTip(tr("Next match (F3)"));
    m_count->setAccessibleName(tr("Match count"));
    m_count->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00000 of 00000")));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_regex);
    layout->addWidget(m_case);
    layout->addWidget(m_word);
    layout->addWidget(m_count);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);

    m_delay->setSingleShot(true);
    m_delay->setInterval(kApplyDelayMs);
    connect(m_delay, &QTimer::timeout, this, &LogSearchBar::optionsChanged);
    connect(m_edit, &QLineEdit::textChanged, m_delay, qOverload<>(&QTimer::start));
    for (QToolButton *button : {m_regex, m_case, m_word})
        connect(button, &QToolButton::toggled, this, &LogSearchBar::apply);
    connect(m_previous, &QToolButton::clicked, this, &LogSearchBar::previousRequested);
    connect(m_next, &QToolButton::clicked, this, &LogSearchBar::nextRequested);
}

QString LogSearchBar::patternText() const
{
    return m_edit->text();
}

models::LogMatchOptions LogSearchBar::options(const QString &pattern) const
{
    models::LogMatchOptions options;
    options.pattern = pattern;
    options.regex = m_regex->isChecked();
    options.caseSensitive = m_case->isChecked();
    options.wholeWord = m_word->isChecked();
    return options;
}

QString LogSearchBar::patternError(const QString &pattern) const
{
    if (!m_regex->isChecked() || pattern.isEmpty())
        return {};
    const QRegularExpression expression(pattern);
    return expression.isValid() ? QString() : expression.errorString();
}

void LogSearchBar::showCount(qint64 ordinal, qint64 count)
{
    const QString error = patternError(patternText());
    const QLocale locale;
    if (!error.isEmpty())
        m_count->setText(tr("Invalid: %1").arg(error));
    else if (patternText().isEmpty())
        m_count->clear();
    else if (count == 0)
        m_count->setText(tr("No matches"));
    else if (ordinal > 0)
        m_count->setText(tr("%1 of %2").arg(locale.toString(ordinal), locale.toString(count)));
    else
        m_count->setText(count == 1 ? tr("1 match")
                                    : tr("%1 matches").arg(locale.toString(count)));
}

bool LogSearchBar::searching() const
{
    return !patternText().isEmpty() && patternError(patternText()).isEmpty();
}

void LogSearchBar::showCounting(qint64 found, int percent)
{
    if (!searching()) {
        showCount(0, found); // (empty, or the pattern's error)
        return;
    }
    const QLocale locale;
    m_count->setText(found > 0 ? tr("Counting… %1 (%2%)").arg(locale.toString(found)).arg(percent)
                               : tr("Counting… %1%").arg(percent));
}

void LogSearchBar::showStopped(qint64 found)
{
    if (!searching()) {
        showCount(0, found);
        return;
    }
    m_count->setText(tr("%1+ matches").arg(QLocale().toString(found)));
}

void LogSearchBar::apply()
{
    m_delay->stop();
    emit optionsChanged();
}

void LogSearchBar::applyPending()
{
    if (m_delay->isActive())
        apply();
}

bool LogSearchBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            applyPending();
            if (key->modifiers() & Qt::ShiftModifier)
                emit previousRequested();
            else
                emit nextRequested();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ui
