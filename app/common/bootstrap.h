// common/bootstrap.h — process hardening shared by the GUI and the CLI.
#pragma once

namespace keyhaven {

// Names the application (so AppDataLocation is .../keyhaven) and disables core dumps, which
// would write secrets held in memory to disk (as KeePassXC's Bootstrap does).
void bootstrapProcess();

} // namespace keyhaven
