// cli/josecommands.cpp — decode, verify, sign, pkce.
#include "cli/cli.h"

namespace keyhaven::cli {

QList<Command> joseCommands() { return {}; }

} // namespace keyhaven::cli
