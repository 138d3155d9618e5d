#pragma once

#include "app/burstctl/command.h"

// burstctl's subcommands, one factory each; main dispatches through a table of them.
namespace cli {

Command previewCommand();
Command simulateCommand();
Command signCommand();
Command logsCommand();
Command execCommand();
Command getCommand();
Command watchCommand();
Command iamTokenCommand();
Command templateCommand();
Command prometheusCommand();
Command obsSecretCommand();
Command fixCommand();
Command adviseCommand();
// `completion bash|zsh`, written from the other commands of the table.
Command completionCommand(const QList<Command> &commands);

} // namespace cli
