#pragma once

#include <QString>
#include <QUndoCommand>

#include <functional>

namespace models {

// One edit of a manifest file: the whole text before and after. The file text is the source of
// truth, so undo is exact and keeps comments and formatting.
class TextEditCommand : public QUndoCommand
{
public:
    using Apply = std::function<void(qsizetype file, const QString &text)>;

    TextEditCommand(Apply apply, qsizetype file, QString before, QString after,
                    const QString &description);

    void undo() override;
    void redo() override;

private:
    Apply m_apply;
    qsizetype m_file;
    QString m_before;
    QString m_after;
};

} // namespace models
