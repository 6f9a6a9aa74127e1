// ui/theme.cpp — light and dark: the app palette and the colours of custom-painted states.
#include "theme.h"

#include <QApplication>
#include <QFileInfo>
#include <QIconEngine>
#include <QLabel>
#include <QPainter>
#include <QPointer>
#include <QStyle>
#include <QStyleFactory>

using namespace Qt::StringLiterals;

namespace keyhaven::ui::theme {

namespace {

desktop::ColorScheme g_current = desktop::ColorScheme::NoPreference;

struct Pair
{
    QRgb light;
    QRgb dark;
};

Pair pairOf(Tone tone)
{
    switch (tone) {
    case Tone::Error:
        return { 0xb01c1c, 0xff8a80 };
    case Tone::Warning:
        return { 0x9a5400, 0xffb74d };
    case Tone::Success:
        return { 0x1b5e20, 0x81c784 };
    case Tone::Link:
        return { 0x1a5fb4, 0x8ab4f8 };
    case Tone::Now:
        return { 0x1565c0, 0x64b5f6 };
    case Tone::TokenHeader:
        return { 0xc2185b, 0xf48fb1 };
    case Tone::TokenPayload:
        return { 0x6a1b9a, 0xce93d8 };
    case Tone::TokenSignature:
        return { 0x01579b, 0x4fc3f7 };
    case Tone::TokenKey:
        return { 0x1e6b24, 0xa5d6a7 };
    case Tone::TokenExtra:
        return { 0x616161, 0xbdbdbd };
    case Tone::MessageText:
        return { 0x8b1a1a, 0xffcdd2 };
    case Tone::MessageBackground:
        return { 0xfdecea, 0x4a1c1c };
    case Tone::MessageBorder:
        return { 0xe0a8a8, 0x8c3b3b };
    }
    return { 0x000000, 0xffffff };
}

QString messageSheet(bool framed)
{
    const QString fg = color(Tone::MessageText).name();
    const QString bg = color(Tone::MessageBackground).name();
    if (framed)
        return u"QLabel { background: %1; color: %2; border-bottom: 1px solid %3; }"_s.arg(
            bg, fg, color(Tone::MessageBorder).name());
    return u"QLabel { background: %1; color: %2; padding: 4px; }"_s.arg(bg, fg);
}

// Delegates to the light or the dark SVG, chosen when asked to draw (no pixmap cache of its own).
class SchemeIconEngine : public QIconEngine
{
public:
    SchemeIconEngine(QString light, QString dark)
        : m_light(std::move(light))
        , m_dark(std::move(dark))
        , m_lightIcon(m_light)
        , m_darkIcon(m_dark)
    {
    }
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        current().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return current().pixmap(size, mode, state);
    }
    QPixmap scaledPixmap(
        const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        // Qt 6 asks for device pixels here on HiDPI screens: stay vector-sharp.
        return current().pixmap(size, scale, mode, state);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return current().actualSize(size, mode, state);
    }
    QIconEngine *clone() const override { return new SchemeIconEngine(m_light, m_dark); }
    QString key() const override { return u"keyhaven-scheme"_s; }

private:
    const QIcon &current() const { return isDark() ? m_darkIcon : m_lightIcon; }

    QString m_light, m_dark;
    QIcon m_lightIcon, m_darkIcon;
};

} // namespace

QIcon icon(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    const QString dark = path.left(slash) + u"/dark"_s + path.mid(slash);
    if (!QFileInfo::exists(dark))
        return QIcon(path);
    return QIcon(new SchemeIconEngine(path, dark));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF()
        < palette.color(QPalette::WindowText).lightnessF();
}

bool isDark() { return isDark(QGuiApplication::palette()); }

QColor color(Tone tone, const QPalette &palette)
{
    const Pair p = pairOf(tone);
    return QColor::fromRgb(isDark(palette) ? p.dark : p.light);
}

QColor color(Tone tone) { return color(tone, QGuiApplication::palette()); }

QPalette darkPalette()
{
    // Fusion's dark variant as Qt 6.5+ builds it from a dark system theme (qfusionstyle.cpp).
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe8, 0xe8, 0xe8);
    const QColor disabledText(0x80, 0x80, 0x80);
    const QColor highlight(0x2f, 0x65, 0xca);
    QPalette p(text, window, window.lighter(150), window.darker(150), window.darker(120), text,
        text, base, window);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3c, 0x3c));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    p.setColor(QPalette::Mid, QColor(0x4a, 0x4a, 0x4a));
    for (auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    return p;
}

desktop::ColorScheme initialScheme()
{
    return desktop::colorSchemeOverride().value_or(desktop::ColorScheme::NoPreference);
}

void apply(desktop::ColorScheme scheme)
{
    const desktop::ColorScheme before = g_current;
    g_current = scheme;
    if (scheme == desktop::ColorScheme::Dark) {
        if (QApplication::style()->name() != u"fusion"_s)
            QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QApplication::setPalette(darkPalette());
    } else if (before == desktop::ColorScheme::Dark) {
        // Back from dark: Fusion's own light palette (the platform style was replaced).
        QApplication::setPalette(QApplication::style()->standardPalette());
    }
    Q_EMIT Notifier::instance()->changed();
}

desktop::ColorScheme current() { return g_current; }

void followSystem(QObject *parent)
{
    if (desktop::colorSchemeOverride())
        return;
    auto *portal = new desktop::PortalColorScheme(parent);
    QObject::connect(portal, &desktop::PortalColorScheme::changed, parent,
        [](desktop::ColorScheme scheme) { apply(scheme); });
    portal->start();
}

void styleMessageLabel(QLabel *label, bool framed)
{
    label->setStyleSheet(messageSheet(framed));
    QObject::connect(Notifier::instance(), &Notifier::changed, label,
        [label, framed] { label->setStyleSheet(messageSheet(framed)); });
}

void styleErrorText(QLabel *label)
{
    const auto sheet = [] { return u"QLabel { color: %1; }"_s.arg(color(Tone::Error).name()); };
    label->setStyleSheet(sheet());
    QObject::connect(Notifier::instance(), &Notifier::changed, label,
        [label, sheet] { label->setStyleSheet(sheet()); });
}

Notifier *Notifier::instance()
{
    static QPointer<Notifier> notifier;
    if (!notifier)
        notifier = new Notifier(qApp);
    return notifier;
}

} // namespace keyhaven::ui::theme
