#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace core::sandbox {

// What a simulated container shell sees of its container.
struct ExecContext
{
    QString podName;
    QString nameSpace;
    QString podIp;
    QString image;
    QList<QPair<QString, QString>> env; // the container's env, in spec order
    QDateTime now;
    QString shell = QStringLiteral("sh"); // the interactive shell's program name (sh, bash)
    QString nvidiaSmi; // what nvidia-smi prints (execgpu.h); empty: no GPUs, "not found"
};

struct ExecResult
{
    QByteArray out;
    QByteArray err;
    int exitCode = 0;
    bool exited = false; // `exit` ran: an interactive shell ends
    qint64 sleepMs = 0;  // sandbox time the command line spent in `sleep`
};

// A tiny POSIX-ish shell for kubectl exec against the sandbox: a pure function from a command
// line to stdout, stderr and an exit status. Words with '…' "…" quoting and $VAR / ${VAR} / $?
// expansion, lists joined by ; && ||, and the builtins echo, env, printenv, hostname, cat (a few
// virtual files), ls, pwd, id, whoami, date, sleep, stty size, tput cols/lines, clear, exit,
// true, false, nvidia-smi (GPU pods only) and sh -c (bash -c where the image has bash).
// Anything else is "sh: X: not found" with status 127, as busybox sh answers.
class ExecShell
{
public:
    explicit ExecShell(ExecContext context);

    // One command line, as `sh -c LINE` runs it.
    ExecResult runLine(const QString &line);
    // An exec without a shell: argv[0] is the program (kubectl exec POD -- echo hi).
    ExecResult runArgv(const QStringList &argv);
    // True for argv that starts an interactive shell (sh, bash, /bin/sh ... without -c).
    static bool isInteractiveShell(const QStringList &argv);
    // Whether the container's image has bash: busybox-based images (an image name with "alpine"
    // or "busybox" in it) have only sh, as the real ones do.
    static bool imageHasBash(const QString &image);
    // argv[0] is bash (or /bin/bash, /usr/bin/bash).
    static bool isBash(const QStringList &argv);
    // bash's "root@POD:/# ", busybox sh's "/ # ", dash's "# ".
    QString prompt() const;
    // The terminal's size from the resize channel (0 until one came); `stty size` prints it.
    void setTerminalSize(int columns, int rows);
    int columns() const { return m_columns; }
    int rows() const { return m_rows; }
    // An interactive line interrupted with Ctrl+C: the status becomes 130, as bash and sh set.
    void interrupted() { m_lastStatus = 130; }
    int lastStatus() const { return m_lastStatus; }
    const QString &image() const { return m_context.image; }

private:
    struct Token
    {
        QString text;
        bool isOperator = false;
    };
    std::optional<QList<Token>> tokenize(const QString &line, QString *error) const;
    QString variable(const QString &name) const;
    void runCommand(const QStringList &argv, ExecResult *result);
    void cat(const QStringList &args, ExecResult *result) const;
    void ls(const QStringList &args, ExecResult *result) const;
    QList<QPair<QString, QString>> environment() const;

    ExecContext m_context;
    int m_lastStatus = 0;
    int m_columns = 0;
    int m_rows = 0;
};

} // namespace core::sandbox
