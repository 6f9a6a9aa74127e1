// desktop/colorscheme.cpp — light or dark: the KEYHAVEN_COLOR_SCHEME override and the XDG portal.
#include "desktop/colorscheme.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcScheme, "keyhaven.desktop.colorscheme", QtInfoMsg)

namespace keyhaven::desktop {

namespace {
const QString kService = u"org.freedesktop.portal.Desktop"_s;
const QString kPath = u"/org/freedesktop/portal/desktop"_s;
const QString kInterface = u"org.freedesktop.portal.Settings"_s;
const QString kNamespace = u"org.freedesktop.appearance"_s;
const QString kKey = u"color-scheme"_s;
} // namespace

std::optional<ColorScheme> colorSchemeOverride()
{
    const QString value = qEnvironmentVariable("KEYHAVEN_COLOR_SCHEME").trimmed().toLower();
    if (value == u"dark"_s)
        return ColorScheme::Dark;
    if (value == u"light"_s)
        return ColorScheme::Light;
    return std::nullopt;
}

ColorScheme colorSchemeFromPortal(const QVariant &value)
{
    QVariant v = value;
    // Read answers v(v(u)) on older portals; a few layers at most, never loop on junk.
    for (int depth = 0; depth < 4 && v.canConvert<QDBusVariant>()
         && v.metaType() == QMetaType::fromType<QDBusVariant>();
         ++depth)
        v = qvariant_cast<QDBusVariant>(v).variant();
    if (v.metaType() != QMetaType::fromType<uint>() && v.metaType() != QMetaType::fromType<int>())
        return ColorScheme::NoPreference;
    switch (v.toUInt()) {
    case 1:
        return ColorScheme::Dark;
    case 2:
        return ColorScheme::Light;
    default:
        return ColorScheme::NoPreference;
    }
}

PortalColorScheme::PortalColorScheme(QObject *parent)
    : QObject(parent)
{
}

void PortalColorScheme::start()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        qCDebug(lcScheme) << "no session bus: no system colour scheme";
        return;
    }
    // QDBusConnection::connect has only the SLOT() form: it matches the D-Bus signature.
    bus.connect(kService, kPath, kInterface, u"SettingChanged"_s, this,
        SLOT(onSettingChanged(QString, QString, QDBusVariant)));
    QDBusMessage read = QDBusMessage::createMethodCall(kService, kPath, kInterface, u"Read"_s);
    read << kNamespace << kKey;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(read), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QDBusVariant> reply = *w;
        if (reply.isError()) {
            qCDebug(lcScheme) << "portal colour scheme unavailable:" << reply.error().message();
            return;
        }
        set(colorSchemeFromPortal(QVariant::fromValue(reply.value())));
    });
}

void PortalColorScheme::onSettingChanged(
    const QString &nameSpace, const QString &key, const QDBusVariant &value)
{
    if (nameSpace == kNamespace && key == kKey)
        set(colorSchemeFromPortal(value.variant()));
}

void PortalColorScheme::set(ColorScheme scheme)
{
    if (scheme == m_scheme)
        return;
    m_scheme = scheme;
    Q_EMIT changed(scheme);
}

} // namespace keyhaven::desktop
