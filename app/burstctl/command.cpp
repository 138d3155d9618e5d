#include "app/burstctl/command.h"

#include "app/burstctl/cliutil.h"
#include "app/burstctl/connectionflags.h"
#include "app/burstctl/tr.h"

namespace cli {

namespace {

// "message hint", so an error and what to do about it stay on one line.
QString describeError(const core::Error &error)
{
    return error.hint.isEmpty() ? error.message
                                : QStringLiteral("%1 %2").arg(error.message, error.hint);
}

// QCommandLineParser's usage line names the executable as started (a path, without the
// command); it reads "burstctl COMMAND" instead, as kubectl's does.
QString helpText(const QString &commandName, const QCommandLineParser &parser)
{
    QString text = parser.helpText();
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.isEmpty() || arguments.first().isEmpty())
        return text;
    // The first line is "Usage: PROGRAM [options] ...", "Usage: " translated with Qt's catalogue.
    const qsizetype at = text.indexOf(arguments.first());
    if (at >= 0 && at < text.indexOf(u'\n'))
        text.replace(at, arguments.first().size(), QStringLiteral("burstctl ") + commandName);
    return text;
}

void printLine(const QString &line)
{
    err() << line << '\n';
    err().flush();
}

} // namespace

int runCommand(const Command &command, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(command.help);
    parser.addHelpOption();
    parser.addOptions(command.options);
    if (command.connects)
        ConnectionFlags().addTo(parser, command.allNamespaces);
    for (const Positional &p : command.positionals)
        parser.addPositionalArgument(p.name, p.description, p.syntax);
    const Invocation invocation(command, arguments, parser);
    if (!parser.parse(arguments))
        return invocation.fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        out() << helpText(command.name, parser);
        out().flush();
        return 0;
    }
    if (command.connects && !command.allNamespaces &&
        parser.isSet(QStringLiteral("all-namespaces")))
        return invocation.fail(
            Tr::tr("-A (--all-namespaces) does not apply: %1 works on one pod in one namespace, "
                   "and kubectl %1 has no -A either. Give the pod's namespace with -n NAMESPACE.")
                .arg(command.name));
    return command.run(invocation);
}

Invocation::Invocation(const Command &command, const QStringList &arguments,
                       const QCommandLineParser &parser)
    : m_command(command), m_arguments(arguments), m_parser(parser)
{
}

int Invocation::fail(const QString &message, int code) const
{
    printLine(Tr::tr("burstctl %1: %2").arg(m_command.name, message));
    return code;
}

int Invocation::fail(const core::Error &error, int code) const
{
    return fail(describeError(error), code);
}

int Invocation::fail(const core::kube::ApiStatusError &error, int code) const
{
    if (error.httpStatus == 0)
        return fail(error.toError(), code);
    printLine(describeError(error.toError()));
    return code;
}

int Invocation::usageError() const
{
    err() << helpText(m_command.name, m_parser);
    err().flush();
    return 2;
}

core::Result<core::kube::Connection> Invocation::connect() const
{
    return ConnectionFlags().load(m_parser);
}

QString Invocation::nameSpace(const core::kube::Connection &connection) const
{
    return ConnectionFlags::effectiveNamespace(m_parser, connection);
}

} // namespace cli
