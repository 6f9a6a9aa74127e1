// tests/cli/clidocstest.cpp — the man pages and shell completions generated from the command
// table at build time: every command of --help is in them, and they complete in real shells
// (bash with bash-completion, fish; zsh is syntax-checked), item names included.
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using keyhaven::test::ProcessResult;

namespace {
ProcessResult cli(const QStringList &args, const QByteArray &stdinData = {})
{
    return keyhaven::test::run(keyhaven::test::binPath(u"keyhaven-cli"_s), args, stdinData);
}

QString shareDir()
{
    return QFileInfo(keyhaven::test::binPath(u"keyhaven-cli"_s)).absolutePath() + u"/../share"_s;
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// The commands `keyhaven-cli --help` lists: the independent source the generated files must match.
QStringList helpCommands()
{
    const ProcessResult r = cli({ u"--help"_s });
    QStringList commands;
    bool inList = false;
    static const QRegularExpression row(u"^  (\\S+(?: [a-z]+)*)\\s{2,}\\S"_s);
    for (const QString &line : QString::fromUtf8(r.out).split(u'\n')) {
        if (line.startsWith(u"Commands:"_s)) {
            inList = true;
            continue;
        }
        if (inList && line.isEmpty())
            break;
        if (const auto m = row.match(line); inList && m.hasMatch())
            commands << m.captured(1);
    }
    return commands;
}

// Completes `line` in a real bash with bash-completion loaded and the generated script sourced.
QStringList bashComplete(const QString &line)
{
    const QString script = u"source /usr/share/bash-completion/bash_completion || exit 9\n"
                           "source \"$1\" || exit 8\n"
                           "COMP_LINE=\"$2\"; COMP_POINT=${#COMP_LINE}\n"
                           "read -ra COMP_WORDS <<<\"$COMP_LINE\"\n"
                           "[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')\n"
                           "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                           "_keyhaven_cli keyhaven-cli \"${COMP_WORDS[COMP_CWORD]}\" "
                           "\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                           "printf '%s\\n' \"${COMPREPLY[@]}\"\n"_s;
    const QString binDir = QFileInfo(keyhaven::test::binPath(u"keyhaven-cli"_s)).absolutePath();
    const ProcessResult r = keyhaven::test::run(u"/bin/bash"_s,
        { u"-c"_s, script, u"bash"_s, shareDir() + u"/bash-completion/completions/keyhaven-cli"_s,
            line },
        {}, { u"PATH="_s + binDir + u":/usr/bin:/bin"_s });
    if (r.exitCode != 0)
        return { u"<bash failed: exit %1: %2>"_s.arg(r.exitCode).arg(QString::fromUtf8(r.err)) };
    QStringList words = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
    words.sort();
    return words;
}
} // namespace

class CliTestDocs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        keyhaven::test::freshDataDir();
        QVERIFY2(helpCommands().size() >= 10, "keyhaven-cli --help lists too few commands");
    }

    void manPageNamesEveryCommand()
    {
        const QString page = readText(shareDir() + u"/man/man1/keyhaven-cli.1"_s);
        QVERIFY2(page.contains(u".TH KEYHAVEN\\-CLI 1 "_s), "no generated keyhaven-cli.1");
        for (const QString &command : helpCommands()) {
            QString roff = command;
            roff.replace(u'-', u"\\-"_s);
            QVERIFY2(page.contains(u".SS \""_s + roff + u'"'), qPrintable(command));
        }
        QVERIFY(page.contains(u".SH EXIT STATUS"_s));
        QVERIFY(!page.contains(u".SS \"\\-\\-generate"_s)); // plumbing is not documented
        const QString gui = readText(shareDir() + u"/man/man1/keyhaven.1"_s);
        QVERIFY2(gui.contains(u".TH KEYHAVEN 1 "_s), "no generated keyhaven.1");
        QVERIFY(gui.contains(u"keyhaven\\-cli"_s));
    }

    void generatedFilesMatchTheBinary()
    {
        // What the build installed is what the binary prints now: nothing stale.
        const ProcessResult bash = cli({ u"--generate"_s, u"bash"_s });
        QCOMPARE(bash.exitCode, 0);
        QCOMPARE(QString::fromUtf8(bash.out),
            readText(shareDir() + u"/bash-completion/completions/keyhaven-cli"_s));
        const ProcessResult bad = cli({ u"--generate"_s, u"troff"_s });
        QCOMPARE(bad.exitCode, 2);
        // Plumbing stays out of the command list.
        QVERIFY(!helpCommands().contains(u"--generate"_s));
        QVERIFY(!helpCommands().contains(u"--complete"_s));
    }

    void bashCompletesCommandWords()
    {
        QCOMPARE(bashComplete(u"keyhaven-cli ke"_s), QStringList { u"keys"_s });
        const QStringList keys = bashComplete(u"keyhaven-cli keys "_s);
        for (const QString &sub : { u"add"_s, u"list"_s, u"rm"_s, u"show"_s })
            QVERIFY2(keys.contains(sub), qPrintable(keys.join(u',')));
        const QStringList options = bashComplete(u"keyhaven-cli verify --"_s);
        for (const QString &o : { u"--key"_s, u"--jwks"_s, u"--alg"_s, u"--json"_s })
            QVERIFY2(options.contains(o), qPrintable(options.join(u',')));
        // Every first word of --help completes from the empty line.
        const QStringList all = bashComplete(u"keyhaven-cli "_s);
        for (const QString &command : helpCommands())
            QVERIFY2(all.contains(command.section(u' ', 0, 0)), qPrintable(command));
    }

    void completeItemsNeverCreatesTheStore()
    {
        const QString file = qEnvironmentVariable("KEYHAVEN_DATA_DIR") + u"/keyhaven.sqlite"_s;
        QFile::remove(file);
        const ProcessResult r = cli({ u"--complete"_s, u"items"_s });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.isEmpty());
        QVERIFY(!QFile::exists(file));
    }

    void bashCompletesItemNames()
    {
        // Real items in the real keychain, one name with a space.
        for (const QString &name : { u"github token"_s, u"stripe-live"_s }) {
            const ProcessResult add = cli({ u"keys"_s, u"add"_s, name, u"--kind"_s, u"api-key"_s },
                "completion-test-secret-" + name.toUtf8());
            QVERIFY2(add.exitCode == 0, add.err.constData());
        }
        QCOMPARE(bashComplete(u"keyhaven-cli keys show "_s),
            QStringList({ u"github token"_s, u"stripe-live"_s }));
        QCOMPARE(bashComplete(u"keyhaven-cli secret st"_s), QStringList { u"stripe-live"_s });
        // Names only: the secret is never part of a completion.
        const ProcessResult names = cli({ u"--complete"_s, u"items"_s });
        QVERIFY(!names.out.contains("completion-test-secret"));
        for (const QString &name : { u"github token"_s, u"stripe-live"_s })
            QCOMPARE(cli({ u"keys"_s, u"rm"_s, name }).exitCode, 0);
    }

    void zshAndFishScriptsWork()
    {
        const QString zsh = shareDir() + u"/zsh/vendor-completions/_keyhaven-cli"_s;
        const ProcessResult zshCheck = keyhaven::test::run(u"zsh"_s, { u"-n"_s, zsh });
        QVERIFY2(zshCheck.exitCode == 0, zshCheck.err.constData());
        const QString fish = shareDir() + u"/fish/vendor_completions.d/keyhaven-cli.fish"_s;
        const QString binDir = QFileInfo(keyhaven::test::binPath(u"keyhaven-cli"_s)).absolutePath();
        const ProcessResult f = keyhaven::test::run(u"fish"_s,
            { u"--no-config"_s, u"-c"_s,
                u"source $argv[1]; complete -C 'keyhaven-cli keys a'; "
                "complete -C 'keyhaven-cli verify --j'"_s,
                fish },
            {}, { u"PATH="_s + binDir + u":/usr/bin:/bin"_s, u"HOME="_s + QDir::tempPath() });
        QVERIFY2(f.exitCode == 0, f.err.constData());
        QVERIFY2(f.out.startsWith("add\t"), f.out.constData());
        QVERIFY2(f.out.contains("\n--jwks\t"), f.out.constData());
    }
};

QObject *makeCliDocsTest() { return new CliTestDocs; }

#include "clidocstest.moc"
