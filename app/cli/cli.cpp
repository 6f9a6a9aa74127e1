// cli/cli.cpp — keyhaven-cli's command table and per-run context.
#include "cli/cli.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace keyhaven::cli {

Invocation::Invocation(const Command &command, QObject *parent)
    : QObject(parent)
    , m_command(command)
    , m_out(stdout)
    , m_err(stderr)
{
}

bool Invocation::json() const
{
    return m_parser.optionNames().contains(u"json"_s) && m_parser.isSet(u"json"_s);
}

void Invocation::writeRaw(QByteArrayView bytes)
{
    m_out.flush();
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, bytes.data() + done, size_t(bytes.size() - done));
        if (n <= 0)
            break;
        done += n;
    }
}

void Invocation::printJson(const QJsonObject &object)
{
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    m_out.flush();
}

void Invocation::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    m_out.flush();
    m_err.flush();
    QTimer::singleShot(0, qApp, [code] { QCoreApplication::exit(code); });
}

void Invocation::fail(const Error &error)
{
    if (json()) {
        printJson(QJsonObject { { u"error"_s,
            QJsonObject { { u"id"_s, error.id }, { u"message"_s, error.message } } } });
    } else {
        m_err << "keyhaven-cli: " << error.message << Qt::endl;
    }
    finish(error.exitCode());
}

void Invocation::usage(const QString &message)
{
    m_err << "keyhaven-cli " << m_command.path.join(u' ') << ": " << message << Qt::endl
          << "Try 'keyhaven-cli " << m_command.path.join(u' ') << " --help'." << Qt::endl;
    finish(ExitUsage);
}

QCommandLineOption jsonOption()
{
    return QCommandLineOption(u"json"_s, u"Print one JSON object instead of text."_s);
}

QList<Command> allCommands()
{
    QList<Command> all = joseCommands();
    all += keyCommands();
    all += oauthCommands();
    all += replayCommands();
    all += docCommands();
    return all;
}

} // namespace keyhaven::cli
