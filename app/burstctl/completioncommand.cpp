#include "app/burstctl/cliutil.h"
#include "app/burstctl/commands.h"
#include "app/burstctl/connectionflags.h"
#include "app/burstctl/tr.h"

#include "core/kube/resourcetypes.h"

#include <QSet>

// `burstctl completion bash|zsh`: a shell completion script written from burstctl's own command
// table (each command's options and positionals, the connection flags, the known resource
// types), so it cannot fall behind the commands. zsh runs the bash function through
// bashcompinit, as kubectl's first zsh completion did.
namespace cli {

namespace {

// Options whose value is a path: the script completes file names after them.
bool takesPath(const QCommandLineOption &option)
{
    static const QSet<QString> paths{QStringLiteral("filename"), QStringLiteral("kubeconfig"),
                                     QStringLiteral("data-file"), QStringLiteral("cacert"),
                                     QStringLiteral("template-dir"), QStringLiteral("kubeconfig-file"),
                                     QStringLiteral("output-file")};
    const QStringList names = option.names();
    return std::any_of(names.cbegin(), names.cend(),
                       [](const QString &name) { return paths.contains(name); });
}

QString dashed(const QString &name)
{
    return (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
}

// The words a resource argument completes to: plural, singular and short names.
QStringList resourceWords()
{
    QStringList words;
    for (const core::kube::ResourceType &type : core::kube::knownResourceTypes()) {
        words << type.resource;
        if (!type.singular.isEmpty())
            words << type.singular;
        words << type.shortNames;
    }
    words.removeDuplicates();
    words.sort();
    return words;
}

struct CommandWords
{
    QStringList options; // every flag, for "-<TAB>"
    QStringList paths;   // flags followed by a file name
    QStringList values;  // flags followed by some other value (nothing to complete)
    QStringList arguments;
};

CommandWords wordsOf(const Command &command)
{
    QList<QCommandLineOption> options = command.options;
    if (command.connects)
        options << ConnectionFlags::options(command.allNamespaces);
    CommandWords words;
    words.options << QStringLiteral("-h") << QStringLiteral("--help");
    for (const QCommandLineOption &option : options) {
        if (option.flags().testFlag(QCommandLineOption::HiddenFromHelp))
            continue;
        for (const QString &name : option.names()) {
            words.options << dashed(name);
            if (!option.valueName().isEmpty())
                (takesPath(option) ? words.paths : words.values) << dashed(name);
        }
    }
    const bool takesResource =
        std::any_of(command.positionals.cbegin(), command.positionals.cend(),
                    [](const Positional &p) { return p.name == u"RESOURCE"; });
    if (takesResource)
        words.arguments = resourceWords();
    return words;
}

QString quoted(const QStringList &words)
{
    return u'\'' + words.join(u' ') + u'\'';
}

QString bashScript(const QList<Command> &commands)
{
    QStringList names;
    for (const Command &command : commands)
        names << command.name;
    names << QStringLiteral("completion");
    // Flags that may come before the command word and take a value (`--kubeconfig F get`).
    QStringList global;
    for (const QCommandLineOption &option : ConnectionFlags::options(false)) {
        if (!option.valueName().isEmpty())
            for (const QString &name : option.names())
                global << dashed(name);
    }

    QString cases;
    for (const Command &command : commands) {
        const CommandWords w = wordsOf(command);
        cases += QStringLiteral("        %1) options=%2; paths=%3; values=%4; arguments=%5 ;;\n")
                     .arg(command.name, quoted(w.options), quoted(w.paths), quoted(w.values),
                          quoted(w.arguments));
    }
    cases += QStringLiteral("        completion) options='-h --help'; arguments='bash zsh' ;;\n");

    return QStringLiteral(
               "# burstctl shell completion, written by `burstctl completion bash` from "
               "burstctl's command table.\n"
               "# bash: source <(burstctl completion bash)\n"
               "_burstctl()\n"
               "{\n"
               "    COMPREPLY=()\n"
               "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"\"\n"
               "    (( COMP_CWORD > 0 )) && prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
               "    local commands=%1 global=%2\n"
               "    local i=1 command=\"\"\n"
               "    while (( i < COMP_CWORD )); do\n"
               "        local word=\"${COMP_WORDS[i]}\"\n"
               "        if [[ \" $global \" == *\" $word \"* ]]; then (( i += 2 )); continue; fi\n"
               "        if [[ \"$word\" != -* ]]; then command=\"$word\"; break; fi\n"
               "        (( i++ ))\n"
               "    done\n"
               "    if [[ -z \"$command\" ]]; then\n"
               "        if [[ \" $global \" == *\" $prev \"* ]]; then\n"
               "            [[ \"$prev\" == --kubeconfig ]] && COMPREPLY=( $(compgen -f -- "
               "\"$cur\") )\n"
               "            return 0\n"
               "        fi\n"
               "        COMPREPLY=( $(compgen -W \"$commands --help --version\" -- \"$cur\") )\n"
               "        return 0\n"
               "    fi\n"
               "    local options=\"\" paths=\"\" values=\"\" arguments=\"\"\n"
               "    case \"$command\" in\n"
               "%3"
               "        *) return 0 ;;\n"
               "    esac\n"
               "    if [[ -n \"$prev\" && \" $paths \" == *\" $prev \"* ]]; then\n"
               "        compopt -o filenames 2>/dev/null\n"
               "        COMPREPLY=( $(compgen -f -- \"$cur\") )\n"
               "        return 0\n"
               "    fi\n"
               "    if [[ -n \"$prev\" && \" $values $global \" == *\" $prev \"* ]]; then\n"
               "        COMPREPLY=()\n"
               "        return 0\n"
               "    fi\n"
               "    if [[ \"$cur\" == -* ]]; then\n"
               "        COMPREPLY=( $(compgen -W \"$options\" -- \"$cur\") )\n"
               "        return 0\n"
               "    fi\n"
               "    # Only the first argument after the command completes (a resource type, a "
               "shell).\n"
               "    local given=0\n"
               "    for (( i = i + 1; i < COMP_CWORD; i++ )); do\n"
               "        local word=\"${COMP_WORDS[i]}\"\n"
               "        if [[ \" $paths $values $global \" == *\" $word \"* ]]; then (( i++ ))\n"
               "        elif [[ \"$word\" != -* ]]; then (( given++ )); fi\n"
               "    done\n"
               "    (( given == 0 )) && COMPREPLY=( $(compgen -W \"$arguments\" -- \"$cur\") )\n"
               "    return 0\n"
               "}\n"
               "complete -F _burstctl burstctl\n")
        .arg(quoted(names), quoted(global), cases);
}

QString zshScript(const QList<Command> &commands)
{
    return QStringLiteral("#compdef burstctl\n"
                          "# zsh: source <(burstctl completion zsh), or save it as _burstctl in "
                          "a folder of $fpath.\n"
                          "autoload -U +X bashcompinit && bashcompinit\n") +
           bashScript(commands);
}

} // namespace

Command completionCommand(const QList<Command> &commands)
{
    return Command{
        .name = QStringLiteral("completion"),
        .summary = Tr::tr("Print a shell completion script (bash or zsh)"),
        .help = Tr::tr("Prints a completion script for bash or zsh: the commands, their flags, "
                       "the resource types, and file names after -f, --kubeconfig and other "
                       "path flags.\n\n"
                       "bash:  source <(burstctl completion bash)\n"
                       "zsh:   source <(burstctl completion zsh)\n\n"
                       "Exit status: 0, or 2 for an unknown shell."),
        .positionals = {{QStringLiteral("shell"), Tr::tr("bash or zsh.")}},
        .run =
            [commands](const Invocation &in) {
                const QStringList shell = in.positional();
                if (shell.size() != 1)
                    return in.usageError();
                if (shell.first() == u"bash")
                    out() << bashScript(commands);
                else if (shell.first() == u"zsh")
                    out() << zshScript(commands);
                else
                    return in.fail(
                        Tr::tr("unknown shell \"%1\"; give bash or zsh.").arg(shell.first()));
                out().flush();
                return 0;
            },
    };
}

} // namespace cli
