// cli/keycommands.cpp — keys add|list|show|rm, secret, run.
#include "cli/cli.h"

namespace keyhaven::cli {

QList<Command> keyCommands() { return {}; }

} // namespace keyhaven::cli
