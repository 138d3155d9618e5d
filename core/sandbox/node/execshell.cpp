#include "core/sandbox/node/execshell.h"

#include "core/sandbox/node/execfilesystem.h"

#include <QLocale>

#include <cmath>

namespace core::sandbox {

namespace {

const QStringList kShells = {QStringLiteral("sh"),           QStringLiteral("/bin/sh"),
                             QStringLiteral("bash"),         QStringLiteral("/bin/bash"),
                             QStringLiteral("ash"),          QStringLiteral("/bin/ash"),
                             QStringLiteral("/usr/bin/bash")};

struct Segment
{
    QString text;
    QString op; // the operator before this command: "", ";", "&&", "||"
};

// Splits a line at ; && || and newlines outside quotes. Words are expanded later, command by
// command, so $? sees the status of the command before.
std::optional<QList<Segment>> splitList(const QString &line, QString *error)
{
    QList<Segment> out;
    Segment current;
    QChar quote;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else if (c == u'\\' && quote == u'"' && i + 1 < line.size())
                current.text += line.at(i++);
            current.text += c;
            continue;
        }
        const QChar next = i + 1 < line.size() ? line.at(i + 1) : QChar();
        QString op;
        if (c == u';' || c == u'\n')
            op = QStringLiteral(";");
        else if (c == u'&' && next == u'&')
            op = QStringLiteral("&&");
        else if (c == u'|' && next == u'|')
            op = QStringLiteral("||");
        if (op.isEmpty()) {
            if (c == u'\'' || c == u'"')
                quote = c;
            if (c == u'#' && (current.text.isEmpty() || current.text.back().isSpace()))
                break;
            current.text += c;
            continue;
        }
        i += op.size() - 1;
        if (current.text.trimmed().isEmpty() && op != u";") {
            *error = QStringLiteral("sh: syntax error: unexpected \"%1\"").arg(op);
            return std::nullopt;
        }
        out.append(current);
        current = Segment{QString(), op};
    }
    if (!quote.isNull()) {
        *error = QStringLiteral("sh: syntax error: unterminated quoted string");
        return std::nullopt;
    }
    out.append(current);
    return out;
}

QString busyboxDate(const QDateTime &now)
{
    const QDateTime t = now.toUTC();
    const QLocale c = QLocale::c();
    return QStringLiteral("%1 %2 %3 %4 UTC %5")
        .arg(c.toString(t, QStringLiteral("ddd")), c.toString(t, QStringLiteral("MMM")))
        .arg(t.date().day(), 2)
        .arg(t.toString(QStringLiteral("HH:mm:ss")))
        .arg(t.date().year());
}

} // namespace

ExecShell::ExecShell(ExecContext context) : m_context(std::move(context)) {}

bool ExecShell::isInteractiveShell(const QStringList &argv)
{
    return !argv.isEmpty() && kShells.contains(argv.constFirst()) &&
           !argv.contains(QStringLiteral("-c"));
}

bool ExecShell::imageHasBash(const QString &image)
{
    // The name and tag, not a digest: "alpine:3.19", "nginx:1.25-alpine", "busybox".
    const QString name = image.section(u'@', 0, 0).toLower();
    return !name.contains(u"alpine") && !name.contains(u"busybox");
}

bool ExecShell::isBash(const QStringList &argv)
{
    return !argv.isEmpty() && argv.constFirst().section(u'/', -1) == u"bash";
}

QString ExecShell::prompt() const
{
    if (m_context.shell.section(u'/', -1) == u"bash")
        return QStringLiteral("root@%1:/# ").arg(m_context.podName);
    return imageHasBash(m_context.image) ? QStringLiteral("# ") : QStringLiteral("/ # ");
}

void ExecShell::setTerminalSize(int columns, int rows)
{
    m_columns = columns;
    m_rows = rows;
}

QList<QPair<QString, QString>> ExecShell::environment() const
{
    QList<QPair<QString, QString>> env = {
        {QStringLiteral("PATH"),
         QStringLiteral("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")},
        {QStringLiteral("HOSTNAME"), m_context.podName},
        {QStringLiteral("HOME"), QStringLiteral("/root")},
        {QStringLiteral("KUBERNETES_SERVICE_HOST"), QStringLiteral("10.247.0.1")},
        {QStringLiteral("KUBERNETES_SERVICE_PORT"), QStringLiteral("443")}};
    if (m_columns > 0)
        env.append({QStringLiteral("TERM"), QStringLiteral("xterm")});
    for (const auto &pair : m_context.env) {
        env.removeIf([&pair](const auto &e) { return e.first == pair.first; });
        env.append(pair);
    }
    return env;
}

QString ExecShell::variable(const QString &name) const
{
    if (name == u"?")
        return QString::number(m_lastStatus);
    for (const auto &pair : environment()) {
        if (pair.first == name)
            return pair.second;
    }
    return {};
}

std::optional<QList<ExecShell::Token>> ExecShell::tokenize(const QString &line,
                                                           QString *error) const
{
    QList<Token> words;
    QString word;
    bool inWord = false;
    QChar quote;
    auto expand = [&](qsizetype &i) {
        // i is at '$'
        qsizetype j = i + 1;
        QString name;
        if (j < line.size() && line.at(j) == u'{') {
            const qsizetype close = line.indexOf(u'}', j);
            name = close < 0 ? QString() : line.mid(j + 1, close - j - 1);
            j = close < 0 ? line.size() : close + 1;
        } else if (j < line.size() && line.at(j) == u'?') {
            name = QStringLiteral("?");
            ++j;
        } else {
            while (j < line.size() && (line.at(j).isLetterOrNumber() || line.at(j) == u'_'))
                name += line.at(j++);
        }
        if (name.isEmpty()) {
            word += u'$';
        } else {
            word += variable(name);
        }
        i = j - 1;
        inWord = true;
    };
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quote == u'\'') {
            if (c == u'\'')
                quote = QChar();
            else
                word += c;
            continue;
        }
        if (quote == u'"') {
            if (c == u'"')
                quote = QChar();
            else if (c == u'\\' && i + 1 < line.size() &&
                     QStringLiteral("\"\\$").contains(line.at(i + 1)))
                word += line.at(++i);
            else if (c == u'$')
                expand(i);
            else
                word += c;
            continue;
        }
        if (c.isSpace()) {
            if (inWord)
                words.append(Token{word, false});
            word.clear();
            inWord = false;
        } else if (c == u'\'' || c == u'"') {
            quote = c;
            inWord = true;
        } else if (c == u'\\' && i + 1 < line.size()) {
            word += line.at(++i);
            inWord = true;
        } else if (c == u'$') {
            expand(i);
        } else {
            word += c;
            inWord = true;
        }
    }
    if (!quote.isNull()) {
        *error = QStringLiteral("sh: syntax error: unterminated quoted string");
        return std::nullopt;
    }
    if (inWord)
        words.append(Token{word, false});
    return words;
}

ExecResult ExecShell::runLine(const QString &line)
{
    ExecResult result;
    QString error;
    const auto segments = splitList(line, &error);
    if (!segments) {
        result.err = error.toUtf8() + '\n';
        result.exitCode = m_lastStatus = 2;
        return result;
    }
    for (const Segment &segment : *segments) {
        if ((segment.op == u"&&" && m_lastStatus != 0) ||
            (segment.op == u"||" && m_lastStatus == 0))
            continue;
        const auto tokens = tokenize(segment.text, &error);
        if (!tokens) {
            result.err += error.toUtf8() + '\n';
            m_lastStatus = 2;
            break;
        }
        QStringList argv;
        for (const Token &t : *tokens)
            argv.append(t.text);
        if (argv.isEmpty())
            continue;
        runCommand(argv, &result);
        if (result.exited)
            break;
    }
    result.exitCode = m_lastStatus;
    return result;
}

ExecResult ExecShell::runArgv(const QStringList &argv)
{
    ExecResult result;
    if (!argv.isEmpty())
        runCommand(argv, &result);
    result.exitCode = m_lastStatus;
    return result;
}

void ExecShell::runCommand(const QStringList &argv, ExecResult *result)
{
    const QString program = argv.constFirst().section(u'/', -1);
    const QStringList args = argv.mid(1);
    int status = 0;
    if (program == u"echo") {
        const bool newline = args.value(0) != u"-n";
        result->out += args.mid(newline ? 0 : 1).join(u' ').toUtf8() + (newline ? "\n" : "");
    } else if (program == u"env" || (program == u"printenv" && args.isEmpty())) {
        for (const auto &pair : environment())
            result->out += QString(pair.first + u'=' + pair.second).toUtf8() + '\n';
    } else if (program == u"printenv") {
        for (const QString &name : args) {
            const auto env = environment();
            const auto it = std::find_if(env.begin(), env.end(),
                                         [&name](const auto &e) { return e.first == name; });
            if (it == env.end())
                status = 1;
            else
                result->out += it->second.toUtf8() + '\n';
        }
    } else if (program == u"nvidia-smi" && !m_context.nvidiaSmi.isEmpty()) {
        result->out += m_context.nvidiaSmi.toUtf8();
    } else if (program == u"hostname") {
        result->out += m_context.podName.toUtf8() + '\n';
    } else if (program == u"cat") {
        cat(args, result);
        status = result->exitCode;
    } else if (program == u"ls") {
        ls(args, result);
        status = result->exitCode;
    } else if (program == u"pwd") {
        result->out += "/\n";
    } else if (program == u"id") {
        result->out += "uid=0(root) gid=0(root) groups=0(root),10(wheel)\n";
    } else if (program == u"whoami") {
        result->out += "root\n";
    } else if (program == u"date") {
        result->out += busyboxDate(m_context.now.addMSecs(result->sleepMs)).toUtf8() + '\n';
    } else if (program == u"sleep") {
        bool ok = false;
        const double seconds = args.value(0).toDouble(&ok);
        if (!ok || seconds < 0 || !std::isfinite(seconds)) {
            result->err +=
                QStringLiteral("sleep: invalid number '%1'\n").arg(args.value(0)).toUtf8();
            status = 1;
        } else {
            result->sleepMs += qint64(seconds * 1000);
        }
    } else if (program == u"stty" && args.value(0) == u"size") {
        if (m_rows > 0) {
            result->out += QByteArray::number(m_rows) + ' ' + QByteArray::number(m_columns) + '\n';
        } else {
            result->err += "stty: standard input: Not a tty\n";
            status = 1;
        }
    } else if (program == u"tput" && (args.value(0) == u"cols" || args.value(0) == u"lines")) {
        result->out += QByteArray::number(args.value(0) == u"cols" ? (m_columns > 0 ? m_columns : 80)
                                                                   : (m_rows > 0 ? m_rows : 24)) +
                       '\n';
    } else if (program == u"clear") {
        result->out += "\x1b[H\x1b[2J";
    } else if ((program == u"bash") && !imageHasBash(m_context.image)) {
        result->err += QStringLiteral("sh: %1: not found\n").arg(argv.constFirst()).toUtf8();
        status = 127;
    } else if (program == u"exit") {
        status = args.isEmpty() ? m_lastStatus : (args.constFirst().toInt() & 0xff);
        result->exited = true;
    } else if (program == u"true" || program == u":") {
        status = 0;
    } else if (program == u"false") {
        status = 1;
    } else if (kShells.contains(argv.constFirst()) && args.value(0) == u"-c") {
        // A child shell: its exit ends only itself.
        ExecShell child(m_context);
        const ExecResult sub = child.runLine(args.value(1));
        result->out += sub.out;
        result->err += sub.err;
        result->sleepMs += sub.sleepMs;
        status = sub.exitCode;
    } else if (kShells.contains(argv.constFirst())) {
        status = 0;
    } else {
        result->err += QStringLiteral("sh: %1: not found\n").arg(argv.constFirst()).toUtf8();
        status = 127;
    }
    m_lastStatus = status;
    result->exitCode = status;
}

void ExecShell::cat(const QStringList &args, ExecResult *result) const
{
    const ExecFileSystem files(m_context);
    result->exitCode = 0;
    for (const QString &path : args) {
        if (const auto content = files.read(path)) {
            result->out += *content;
        } else {
            result->err += QStringLiteral("cat: can't open '%1': No such file or directory\n")
                               .arg(path)
                               .toUtf8();
            result->exitCode = 1;
        }
    }
}

void ExecShell::ls(const QStringList &args, ExecResult *result) const
{
    const ExecFileSystem files(m_context);
    QStringList paths;
    for (const QString &a : args) {
        if (!a.startsWith(u'-'))
            paths.append(a.size() > 1 && a.endsWith(u'/') ? a.chopped(1) : a);
    }
    if (paths.isEmpty())
        paths.append(QStringLiteral("/"));
    result->exitCode = 0;
    for (const QString &path : paths) {
        if (const auto entries = files.list(path)) {
            for (const QString &entry : *entries)
                result->out += entry.toUtf8() + '\n';
        } else if (files.read(path)) {
            result->out += path.toUtf8() + '\n';
        } else {
            result->err += QStringLiteral("ls: %1: No such file or directory\n").arg(path).toUtf8();
            result->exitCode = 1;
        }
    }
}

} // namespace core::sandbox
