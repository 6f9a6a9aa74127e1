// common/paths.cpp — where Keyhaven keeps its data and which keychain service it uses.
#include "common/paths.h"

#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace keyhaven::paths {

QString dataDir()
{
    const QString fromEnv = qEnvironmentVariable("KEYHAVEN_DATA_DIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString databaseFile() { return dataDir() + u"/keyhaven.sqlite"_s; }

QString keychainService()
{
    const QString fromEnv = qEnvironmentVariable("KEYHAVEN_KEYCHAIN_SERVICE");
    return fromEnv.isEmpty() ? u"keyhaven"_s : fromEnv;
}

} // namespace keyhaven::paths
