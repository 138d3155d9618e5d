#pragma once

#include "models/logviewmodel.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace ui {

// The log pane's search: a pattern with Regex, Case and Whole word toggles, the match count
// ("3 of 120"), Previous and Next. Enter / F3 go to the next match, Shift+Enter / Shift+F3 to
// the previous. The pattern is applied a moment after typing stops (a search runs over every
// line). The same toggles apply to the pane's Filter field.
class LogSearchBar : public QWidget
{
    Q_OBJECT
public:
    explicit LogSearchBar(QWidget *parent = nullptr);

    QLineEdit *edit() const { return m_edit; }
    QToolButton *regexButton() const { return m_regex; }
    QToolButton *caseButton() const { return m_case; }
    QToolButton *wordButton() const { return m_word; }
    QToolButton *previousButton() const { return m_previous; }
    QToolButton *nextButton() const { return m_next; }
    QLabel *countLabel() const { return m_count; }

    // The options with `pattern` (the search's own or the filter's).
    models::LogMatchOptions options(const QString &pattern) const;
    models::LogMatchOptions options() const { return options(patternText()); }
    QString patternText() const;
    // An error in `pattern` as a regular expression ("" when none or not a regex).
    QString patternError(const QString &pattern) const;
    // "3 of 120", "120 matches" (ordinal unknown), "No matches", or the pattern's error.
    void showCount(qint64 ordinal, qint64 count);
    // While the model counts on its worker: "Counting… 1,234 (42%)"; when the count was stopped
    // (Esc): "1,234+ matches".
    void showCounting(qint64 found, int percent);
    void showStopped(qint64 found);
    // Applies the options now; applyPending() only when an edit waits.
    void apply();
    void applyPending();

signals:
    void optionsChanged();
    void nextRequested();
    void previousRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool searching() const; // a pattern that compiles
    QLineEdit *m_edit;
    QToolButton *m_regex;
    QToolButton *m_case;
    QToolButton *m_word;
    QToolButton *m_previous;
    QToolButton *m_next;
    QLabel *m_count;
    QTimer *m_delay;
};

} // namespace ui
