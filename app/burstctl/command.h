#pragma once

#include "core/common/result.h"
#include "core/kube/apistatuserror.h"
#include "core/kube/connection.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QStringList>

#include <functional>

// The frame every burstctl subcommand shares: what the command is (name, summary, help text,
// options, positional arguments), one parse step, one --help and one error printer.
namespace cli {

class Invocation;

struct Positional
{
    QString name;
    QString description;
    QString syntax = {}; // how the usage line shows it ("[NAME]"); empty: the name
};

struct Command
{
    QString name;    // the word after "burstctl", e.g. "get"
    QString summary; // one line for `burstctl --help`
    QString help;    // --help: what it does, its output, the decided rules, its exit status
    QList<QCommandLineOption> options = {};
    QList<Positional> positionals = {};
    bool connects = false; // adds --kubeconfig, --context, -n, -A, --server, --token,
                           // --insecure-skip-tls-verify and --trust-exec
    // -A lists across namespaces (get, watch). A command on one pod (logs, exec) has no -A, as
    // in kubectl: it is refused with a one-line error (exit 2), never sent as an empty namespace.
    bool allNamespaces = false;
    std::function<int(const Invocation &)> run;
};

// Parses `arguments` (argv with "burstctl COMMAND" as its first element) and runs the command.
// --help prints the help text on stdout (exit 0); a parse error prints one line (exit 2).
int runCommand(const Command &command, const QStringList &arguments);

// One parsed run of a command, handed to its run function.
class Invocation
{
public:
    Invocation(const Command &command, const QStringList &arguments,
               const QCommandLineParser &parser);

    const QCommandLineParser &parser() const { return m_parser; }
    QString value(const QString &option) const { return m_parser.value(option); }
    QStringList values(const QString &option) const { return m_parser.values(option); }
    bool isSet(const QString &option) const { return m_parser.isSet(option); }
    QStringList positional() const { return m_parser.positionalArguments(); }
    // The arguments as given (exec looks for "--").
    const QStringList &arguments() const { return m_arguments; }

    // "burstctl NAME: message" on stderr, one line; returns `code`.
    int fail(const QString &message, int code = 2) const;
    // "burstctl NAME: message hint", one line; returns `code`.
    int fail(const core::Error &error, int code) const;
    // An answer of the server as kubectl prints it ("Error from server (Reason): message",
    // then the hint, one line, no prefix); no answer at all (refused, TLS, timeout) as
    // fail(Error). Returns `code`.
    int fail(const core::kube::ApiStatusError &error, int code) const;
    // The whole help text on stderr, for a wrong set of arguments; returns 2.
    int usageError() const;

    // For commands that connect: the connection the flags select (exec plugins only once
    // trusted), and the namespace of a namespaced request ("" with -A).
    core::Result<core::kube::Connection> connect() const;
    QString nameSpace(const core::kube::Connection &connection) const;

private:
    const Command &m_command;
    const QStringList &m_arguments;
    const QCommandLineParser &m_parser;
};

} // namespace cli
