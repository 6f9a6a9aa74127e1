// cli/cli.h — keyhaven-cli's command table and the per-run context a command works with.
#pragma once

#include "common/result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace keyhaven::cli {

// Exit codes (DESIGN.md CLI contract).
enum Exit { ExitOk = 0, ExitInvalid = 1, ExitUsage = 2, ExitEnvironment = 3 };

class Invocation;
using Handler = std::function<void(Invocation &)>;

// One command. The table of these is the single source for --help, the man pages and the shell
// completions, so that they never drift apart.
struct Command
{
    QStringList path; // {"keys", "add"}
    QString synopsis; // "NAME --kind api-key|jwt [--secret-file FILE|-] ..."
    QString summary; // one line for the command list
    QList<QCommandLineOption> options;
    QStringList positional; // names of positional arguments, for help ("TOKEN")
    Handler run;
    QString description = {}; // longer text for --help / man page (optional)
    bool hidden = false; // plumbing for the build and the shells (--generate, --complete)
};

// The context of one command run. A command must call finish() exactly once, possibly later from
// a slot (keychain and network jobs are asynchronous; the CLI runs one app.exec()).
class Invocation : public QObject
{
    Q_OBJECT
public:
    Invocation(const Command &command, QObject *parent = nullptr);

    const Command &command() const { return m_command; }
    QCommandLineParser &parser() { return m_parser; }
    QStringList positional() const { return m_parser.positionalArguments(); }
    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    QStringList values(const QString &name) const { return m_parser.values(name); }
    bool json() const;

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    // Raw bytes to stdout (a secret for a pipe): never through a QString.
    void writeRaw(QByteArrayView bytes);
    void printJson(const QJsonObject &object);

    // Ends the run with this exit code (queued: safe to call from anywhere, once).
    void finish(int code);
    // Prints the error (as {"error": {...}} with --json) and finishes with its exit code.
    void fail(const Error &error);
    // A usage error: message plus a hint at --help, exit 2.
    void usage(const QString &message);

    bool finished() const { return m_finished; }

private:
    const Command &m_command;
    QCommandLineParser m_parser;
    QTextStream m_out;
    QTextStream m_err;
    bool m_finished = false;
};

// Contributed by each module's command file.
QList<Command> joseCommands(); // decode, verify, sign, pkce        (cli/josecommands.cpp)
QList<Command> keyCommands(); // keys ..., secret, run              (cli/keycommands.cpp)
QList<Command> oauthCommands(); // connections, login, token, ... (cli/oauthcommands.cpp)
QList<Command> replayCommands(); // replay, history                (cli/replaycommands.cpp)

QList<Command> docCommands(); // --generate, --complete (hidden)          (cli/docgen.cpp)

// The whole table, in help order.
QList<Command> allCommands();

// Common options.
QCommandLineOption jsonOption();

} // namespace keyhaven::cli
