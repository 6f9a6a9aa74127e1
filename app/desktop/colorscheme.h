// desktop/colorscheme.h — light or dark: the KEYHAVEN_COLOR_SCHEME override and the XDG portal.
#pragma once

#include <QDBusVariant>
#include <QObject>
#include <QVariant>

#include <optional>

namespace keyhaven::desktop {

enum class ColorScheme { NoPreference, Dark, Light };

// KEYHAVEN_COLOR_SCHEME=dark|light (screenshots, tests); unset or anything else: no override.
std::optional<ColorScheme> colorSchemeOverride();

// The freedesktop appearance value "color-scheme": 1 dark, 2 light, anything else (0, a wrong
// type) no preference. Unwraps the QDBusVariant layers the portal's Read wraps it in.
ColorScheme colorSchemeFromPortal(const QVariant &value);

// Reads org.freedesktop.portal.Settings "org.freedesktop.appearance" "color-scheme" on the
// session bus (asynchronously) and follows its SettingChanged signal. Without a bus or portal
// the scheme stays NoPreference and nothing is emitted.
class PortalColorScheme : public QObject
{
    Q_OBJECT
public:
    explicit PortalColorScheme(QObject *parent = nullptr);

    // Starts the first read and the subscription.
    void start();
    ColorScheme scheme() const { return m_scheme; }

Q_SIGNALS:
    void changed(keyhaven::desktop::ColorScheme scheme);

private Q_SLOTS:
    // Connected by name through QDBusConnection::connect (D-Bus signals have no C++ pointer).
    void onSettingChanged(const QString &nameSpace, const QString &key, const QDBusVariant &value);

private:
    void set(ColorScheme scheme);

    ColorScheme m_scheme = ColorScheme::NoPreference;
};

} // namespace keyhaven::desktop
