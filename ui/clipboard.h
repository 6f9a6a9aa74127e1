// ui/clipboard.h — puts a secret on the clipboard and takes it off again (DESIGN.md rule 6).
#pragma once

#include <QByteArray>
#include <QObject>

class QTimer;

namespace keyhaven {
class SecretBytes;
}

namespace keyhaven::ui {

// Copies a secret with the password-manager hint (x-kde-passwordManagerHint: secret, so
// clipboard managers such as Klipper do not keep it in their history), then clears the clipboard
// after a timeout and at quit, but only while the clipboard still holds what we put there (the
// user may have copied something else meanwhile). Only a SHA-256 digest of the secret is kept
// to recognise it; the secret itself lives only in the clipboard's QMimeData.
class Clipboard : public QObject
{
    Q_OBJECT
public:
    // QSettings key: seconds (may be fractional) until a copied secret is cleared; default 30.
    static constexpr char kClearSecondsKey[] = "security/clipboardClearSeconds";
    static constexpr double kDefaultClearSeconds = 30.0;
    static constexpr char kPasswordManagerHint[] = "x-kde-passwordManagerHint";

    explicit Clipboard(QObject *parent);
    ~Clipboard() override;

    // The configured timeout in milliseconds (read from QSettings each time).
    static int clearTimeoutMs();

    void copySecret(const SecretBytes &secret);
    // Clears the clipboard if it still holds the secret copied last; returns whether it did.
    bool clearIfOurs();
    bool holdsSecret() const { return !m_digest.isEmpty(); }

Q_SIGNALS:
    void copied(int clearAfterMs);
    void cleared();

private:
    QTimer *m_timer;
    QByteArray m_digest;
};

} // namespace keyhaven::ui
