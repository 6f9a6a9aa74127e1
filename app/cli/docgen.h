// cli/docgen.h — man page and shell completions generated from the command table, so that they
// can never drift from --help (issue "Ship it"). Run at build time through
// `keyhaven-cli --generate man|bash|zsh|fish`.
#pragma once

#include "cli/cli.h"

namespace keyhaven::cli::docgen {

// keyhaven-cli(1) in roff (man(7) macros). `date` is the page's date (YYYY-MM-DD), passed in so
// that a rebuild of the same sources gives the same page.
QString manPage(const QList<Command> &commands, const QString &version, const QString &date);

// keyhaven(1): the desktop app, with the CLI's commands listed from the same table.
QString guiManPage(const QList<Command> &commands, const QString &version, const QString &date);

// Completion scripts. Command words and each command's options come from the table; positional
// ITEM and CONNECTION arguments complete from the vault through `keyhaven-cli --complete items`
// (names only, one per line: metadata, never a secret).
QString bashCompletion(const QList<Command> &commands);
QString zshCompletion(const QList<Command> &commands);
QString fishCompletion(const QList<Command> &commands);

// What `--generate WHAT` prints, or a null string for an unknown WHAT.
QString generate(const QString &what, const QList<Command> &commands, const QString &version,
    const QString &date);

} // namespace keyhaven::cli::docgen
