// desktop/autostart.cpp — "Start at login": the XDG autostart entry for the tray reminders.
#include "desktop/autostart.h"

#include "common/io.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace keyhaven::desktop {

QString applicationId() { return QStringLiteral(KEYHAVEN_APP_ID); }

} // namespace keyhaven::desktop

namespace keyhaven::desktop::autostart {

QString entryPath()
{
    // The XDG Base Directory rule itself (QStandardPaths' test mode would move it elsewhere).
    QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (config.isEmpty() || !QDir::isAbsolutePath(config))
        config = QDir::homePath() + u"/.config"_s;
    return config + u"/autostart/"_s + applicationId() + u".desktop"_s;
}

QByteArray entry(const QString &exec)
{
    return "[Desktop Entry]\n"
           "Type=Application\n"
           "Name=Keyhaven\n"
           "Comment=Reminds you of API keys that are due for rotation\n"
           "Comment[de]=Erinnert an API-Schl\xc3\xbcssel, die rotiert werden m\xc3\xbcssen\n"
           "Icon=" KEYHAVEN_APP_ID "\n"
           "Exec="
        + exec.toUtf8()
        + " --minimized\n"
          "Terminal=false\n"
          "X-GNOME-Autostart-enabled=true\n";
}

bool isEnabled() { return QFileInfo::exists(entryPath()); }

Result<void> setEnabled(bool on, const QString &exec)
{
    const QString path = entryPath();
    if (!on) {
        if (QFileInfo::exists(path) && !QFile::remove(path))
            return Error::environment(u"autostart-write"_s, u"Cannot remove %1."_s.arg(path));
        return {};
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error::environment(
            u"autostart-write"_s, u"Cannot create %1."_s.arg(QFileInfo(path).absolutePath()));
    if (Result<void> w = io::writeFile(path, entry(exec)); !w)
        return Error::environment(u"autostart-write"_s, w.error().message);
    return {};
}

} // namespace keyhaven::desktop::autostart
