// rotation/osuser.cpp — the OS user name recorded in the rotation history.
#include "rotation/osuser.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>

#include <vector>
#endif

using namespace Qt::StringLiterals;

namespace keyhaven::rotation {

QString osUserName()
{
#ifdef Q_OS_UNIX
    // The password database names the real user even when $USER was changed (sudo -E, cron).
    passwd entry {};
    passwd *found = nullptr;
    std::vector<char> buffer(16384);
    if (getpwuid_r(getuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found
        && found->pw_name && *found->pw_name)
        return QString::fromLocal8Bit(found->pw_name);
#endif
    for (const char *name : { "USER", "USERNAME", "LOGNAME" }) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    return u"unknown"_s;
}

} // namespace keyhaven::rotation
