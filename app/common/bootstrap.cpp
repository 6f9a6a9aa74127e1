// common/bootstrap.cpp — process hardening shared by the GUI and the CLI.
#include "common/bootstrap.h"

#include <QCoreApplication>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#include <sys/resource.h>
#endif

using namespace Qt::StringLiterals;

namespace keyhaven {

void bootstrapProcess()
{
    QCoreApplication::setOrganizationName(u"keyhaven"_s);
    QCoreApplication::setOrganizationDomain(u"keyhaven.dev"_s);
    QCoreApplication::setApplicationName(u"keyhaven"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(KEYHAVEN_VERSION));
#ifdef Q_OS_LINUX
    struct rlimit none = { 0, 0 };
    setrlimit(RLIMIT_CORE, &none);
    // Not dumpable: no core file and no ptrace attach by other processes of the same user.
    // KEYHAVEN_DEBUGGABLE=1 keeps the default for gdb/heaptrack sessions.
    if (qEnvironmentVariableIntValue("KEYHAVEN_DEBUGGABLE") != 1)
        prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}

} // namespace keyhaven
