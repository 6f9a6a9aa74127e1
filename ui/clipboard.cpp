// ui/clipboard.cpp — puts a secret on the clipboard and takes it off again.
#include "clipboard.h"

#include "common/secretbytes.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>
#include <QSettings>
#include <QTimer>

#include <cmath>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

namespace {

QByteArray digestOf(QByteArrayView bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

} // namespace

Clipboard::Clipboard(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &Clipboard::clearIfOurs);
    // A secret must not outlive the app on the clipboard (a clipboard manager may take it over).
    connect(qApp, &QCoreApplication::aboutToQuit, this, &Clipboard::clearIfOurs);
}

Clipboard::~Clipboard() { clearIfOurs(); }

int Clipboard::clearTimeoutMs()
{
    const QSettings settings;
    bool ok = false;
    double secs = settings.value(QLatin1StringView(kClearSecondsKey)).toDouble(&ok);
    if (!ok || !std::isfinite(secs) || secs <= 0)
        secs = kDefaultClearSeconds;
    secs = std::min(secs, 3600.0);
    return int(std::lround(secs * 1000.0));
}

void Clipboard::copySecret(const SecretBytes &secret)
{
    auto *mime = new QMimeData; // owned by the clipboard from setMimeData on
    // Bytes, not QString: the secret goes straight from SecretBytes into the clipboard.
    mime->setData(u"text/plain;charset=utf-8"_s, secret.bytes());
    mime->setData(u"text/plain"_s, secret.bytes());
    mime->setData(QString::fromLatin1(kPasswordManagerHint), "secret"_ba);
    QGuiApplication::clipboard()->setMimeData(mime, QClipboard::Clipboard);
    m_digest = digestOf(secret.view());
    const int ms = clearTimeoutMs();
    m_timer->start(ms);
    Q_EMIT copied(ms);
}

bool Clipboard::clearIfOurs()
{
    m_timer->stop();
    if (m_digest.isEmpty())
        return false;
    const QByteArray digest = std::exchange(m_digest, {});
    QClipboard *clipboard = QGuiApplication::clipboard();
    const QMimeData *mime = clipboard ? clipboard->mimeData(QClipboard::Clipboard) : nullptr;
    if (!mime || !mime->hasFormat(QString::fromLatin1(kPasswordManagerHint)))
        return false;
    QByteArray current = mime->data(u"text/plain"_s);
    const bool ours = digestOf(current) == digest;
    SecretBytes::wipe(current);
    if (!ours)
        return false;
    clipboard->clear(QClipboard::Clipboard);
    Q_EMIT cleared();
    return true;
}

} // namespace keyhaven::ui
