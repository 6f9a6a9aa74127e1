// replay/shellwords.h — splits a pasted command line into words the way bash would.
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace keyhaven::replay {

struct ShellWords
{
    QList<QByteArray> words; // bytes: $'\xff' may produce any byte
    QString stdinFile; // "< FILE" redirection (after expansion); empty when none
    QStringList notes; // what was done that the user should know ("$TOKEN is not set")
};

// Looks up an environment variable; nullopt when it is not set.
using EnvLookup = std::function<std::optional<QByteArray>(const QString &name)>;

// Bash quoting: '…', "…" (with \$ \` \" \\ and \newline), $'…' (ANSI-C escapes), backslash
// escapes, backslash-newline continuations and # comments. $VAR and ${VAR} are expanded from
// `env` outside single quotes. What bash would do by running something else (`…`, $(…), pipes,
// ;, &&, output redirection) is refused with a clear error instead of guessed.
// Error ids: "unterminated-quote", "shell-substitution", "shell-operator", "input-too-large".
Result<ShellWords> splitShellWords(QByteArrayView text, const EnvLookup &env);

} // namespace keyhaven::replay
