#include "models/texteditcommand.h"

namespace models {

TextEditCommand::TextEditCommand(Apply apply, qsizetype file, QString before, QString after,
                                 const QString &description)
    : QUndoCommand(description), m_apply(std::move(apply)), m_file(file),
      m_before(std::move(before)), m_after(std::move(after))
{
}

void TextEditCommand::undo()
{
    m_apply(m_file, m_before);
}

void TextEditCommand::redo()
{
    m_apply(m_file, m_after);
}

} // namespace models
