#pragma once

#include <QCoreApplication>

class QWidget;

namespace ui {

// Help ▸ Decided Rules and Help ▸ About.
class HelpDialogs
{
    Q_DECLARE_TR_FUNCTIONS(ui::HelpDialogs)

public:
    // What the console does today, one paragraph: `burst-console --help` and Help ▸ About.
    static QString summary();
    // The decided rules of core::burst::decidedRules(), one bullet each, under a heading.
    static QString decidedRulesText();
    static void decidedRules(QWidget *parent);
    static void about(QWidget *parent);
};

} // namespace ui
