// common/paths.h — where Keyhaven keeps its data and which keychain service it uses.
#pragma once

#include <QString>

namespace keyhaven::paths {

// Folder of keyhaven.sqlite: $KEYHAVEN_DATA_DIR, else QStandardPaths::AppDataLocation.
QString dataDir();
QString databaseFile();
// Keychain service name: $KEYHAVEN_KEYCHAIN_SERVICE (test isolation), else "keyhaven".
QString keychainService();

} // namespace keyhaven::paths
