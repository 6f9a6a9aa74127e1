// ui/theme.h — light and dark: the app palette and the colours of custom-painted states.
#pragma once

#include "desktop/colorscheme.h"

#include <QColor>
#include <QObject>
#include <QPalette>

class QIcon;
class QLabel;

namespace keyhaven::ui::theme {

// The colours the widgets paint themselves (token segments, verdicts, table states, the
// lifetime bar). Each has a light and a dark variant with enough contrast (WCAG AA, 4.5:1) on
// the palette's Base and Window.
enum class Tone {
    Error,
    Warning,
    Success,
    Link,
    Now, // the lifetime bar's "now" marker
    TokenHeader,
    TokenPayload,
    TokenSignature,
    TokenKey, // a JWE's encrypted key and IV
    TokenExtra,
    MessageText, // banner and inline error text, on MessageBackground
    MessageBackground,
    MessageBorder,
};

// Whether `palette` is a dark one (its window is darker than its text).
bool isDark(const QPalette &palette);
bool isDark(); // of the application palette
QColor color(Tone tone, const QPalette &palette);
QColor color(Tone tone); // for the application palette

// Fusion's colours turned dark.
QPalette darkPalette();
// The scheme to start with: KEYHAVEN_COLOR_SCHEME, else what the portal says (NoPreference
// until it answers).
desktop::ColorScheme initialScheme();
// Applies `scheme` to the application: Dark → Fusion with darkPalette(); Light after Dark →
// Fusion's light palette; NoPreference or Light at start → the platform's own. Emits
// Notifier::changed.
void apply(desktop::ColorScheme scheme);
desktop::ColorScheme current();
// Follows the portal from now on, unless KEYHAVEN_COLOR_SCHEME fixes the scheme.
void followSystem(QObject *parent);

// The icon at `path` (":/icons/edit.svg"); where a dark variant exists (":/icons/dark/edit.svg"),
// an icon that draws whichever fits the palette at paint time, so it follows scheme changes.
QIcon icon(const QString &path);

// A red message label (the keychain banner, inline errors) that stays readable when the scheme
// changes: its style sheet is rebuilt on Notifier::changed.
void styleMessageLabel(QLabel *label, bool framed);
// Plain error-coloured text (dialog errors), also kept in step with the scheme.
void styleErrorText(QLabel *label);

class Notifier : public QObject
{
    Q_OBJECT
public:
    static Notifier *instance();
Q_SIGNALS:
    void changed();

private:
    using QObject::QObject;
};

} // namespace keyhaven::ui::theme
