// cli/main.cpp — keyhaven-cli: finds the command, parses its options, runs it in one event loop.
#include "cli/cli.h"
#include "common/bootstrap.h"

#include <QCoreApplication>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace keyhaven::cli;

namespace {

void printOverview(QTextStream &s, const QList<Command> &commands)
{
    s << "keyhaven-cli " << QCoreApplication::applicationVersion()
      << " — keep, inspect and use API credentials\n\n"
      << "Usage: keyhaven-cli COMMAND [OPTIONS]\n\nCommands:\n";
    int width = 0;
    for (const Command &c : commands)
        if (!c.hidden)
            width = std::max(width, int(c.path.join(u' ').size()));
    for (const Command &c : commands)
        if (!c.hidden)
            s << "  " << c.path.join(u' ').leftJustified(width + 2) << c.summary << '\n';
    s << "\nRun 'keyhaven-cli COMMAND --help' for a command's options.\n"
      << "Exit codes: 0 ok/valid, 1 invalid, 2 usage or malformed input, 3 environment "
         "(keychain, database, network).\n";
    s.flush();
}

// The command whose path is the longest prefix of the arguments.
const Command *findCommand(const QList<Command> &commands, const QStringList &args, int *used)
{
    const Command *best = nullptr;
    for (const Command &c : commands) {
        if (c.path.size() > args.size())
            continue;
        if (std::equal(c.path.begin(), c.path.end(), args.begin())
            && (!best || c.path.size() > best->path.size()))
            best = &c;
    }
    *used = best ? int(best->path.size()) : 0;
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    keyhaven::bootstrapProcess();

    const QList<Command> commands = allCommands();
    const QStringList args = app.arguments().mid(1);
    QTextStream out(stdout);
    QTextStream err(stderr);

    if (args.isEmpty() || args.first() == u"--help"_s || args.first() == u"-h"_s
        || args.first() == u"help"_s) {
        printOverview(args.isEmpty() ? err : out, commands);
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    if (args.first() == u"--version"_s || args.first() == u"-V"_s) {
        out << "keyhaven-cli " << app.applicationVersion() << Qt::endl;
        return ExitOk;
    }

    int used = 0;
    const Command *command = findCommand(commands, args, &used);
    if (!command) {
        err << "keyhaven-cli: unknown command '" << args.first() << "'." << Qt::endl
            << "Run 'keyhaven-cli --help' for the list." << Qt::endl;
        return ExitUsage;
    }

    Invocation invocation(*command, &app);
    QCommandLineParser &parser = invocation.parser();
    parser.setApplicationDescription(command->summary
        + (command->description.isEmpty() ? QString() : u"\n\n"_s + command->description));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(command->options);
    const QCommandLineOption help({ u"h"_s, u"help"_s }, u"Show this help."_s);
    parser.addOption(help);
    for (const QString &p : command->positional)
        parser.addPositionalArgument(p, QString());

    // QCommandLineParser wants argv[0]; the command words are not arguments.
    QStringList toParse { u"keyhaven-cli "_s + command->path.join(u' ') };
    toParse += args.mid(used);
    if (!parser.parse(toParse)) {
        invocation.usage(parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        out << "Usage: keyhaven-cli " << command->path.join(u' ') << ' ' << command->synopsis
            << "\n\n"
            << command->summary << '\n';
        if (!command->description.isEmpty())
            out << '\n' << command->description << '\n';
        const QString full = parser.helpText();
        const qsizetype opts = full.indexOf(u"Options:"_s);
        if (opts >= 0) {
            QString options = full.mid(opts);
            const qsizetype argsAt = options.indexOf(u"\nArguments:"_s);
            if (argsAt >= 0)
                options.truncate(argsAt + 1);
            out << '\n' << options;
        }
        out.flush();
        return ExitOk;
    }

    QTimer::singleShot(0, &invocation, [&invocation, command] { command->run(invocation); });
    return app.exec();
}
