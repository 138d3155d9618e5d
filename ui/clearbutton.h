#pragma once

class QLineEdit;

namespace ui {

// Shows the line edit's clear button (the filter and search boxes) and names it "Clear": Qt's
// own is an icon without text, which screen readers met as a button without a name once the
// box held text.
void enableClearButton(QLineEdit *edit);

} // namespace ui
