// desktop/autostart.h — "Start at login": the XDG autostart entry for the tray reminders.
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace keyhaven::desktop {

// The reverse-DNS application id of packaging/ (cmake/KeyhavenPackaging.cmake):
// dev.keyhaven.Keyhaven, for the desktop file name, the icon and the autostart entry.
QString applicationId();

} // namespace keyhaven::desktop

namespace keyhaven::desktop::autostart {

// $XDG_CONFIG_HOME/autostart/<app id>.desktop ($HOME/.config when XDG_CONFIG_HOME is unset),
// the app id being applicationId().
QString entryPath();
// The entry: starts `exec --minimized` (to the tray) at login.
QByteArray entry(const QString &exec);
bool isEnabled();
// Writes (atomically) or removes the entry. Error id: "autostart-write".
Result<void> setEnabled(bool on, const QString &exec = QStringLiteral("keyhaven"));

} // namespace keyhaven::desktop::autostart
