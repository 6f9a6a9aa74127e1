// desktop/singleinstance.cpp — one keyhaven per user and data folder: a local socket carries
// launches.
#include "desktop/singleinstance.h"

#include "common/secretbytes.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTimer>

#include <memory>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcInstance, "keyhaven.desktop.instance", QtInfoMsg)

namespace keyhaven::desktop {

namespace {
// A connection that sends no complete frame in this time is dropped (junk must not linger).
constexpr int kServerReadTimeoutMs = 5000;
// Probing whether a left-over socket still has a listener.
constexpr int kStaleProbeMs = 500;

QString userId()
{
#ifdef Q_OS_UNIX
    return QString::number(::getuid());
#else
    return qEnvironmentVariable("USERNAME");
#endif
}

} // namespace

QString SingleInstance::serverName(const QString &dataDir)
{
    const QByteArray folder = QDir::cleanPath(QDir(dataDir).absolutePath()).toUtf8();
    const QByteArray hash = QCryptographicHash::hash(folder, QCryptographicHash::Sha256).toHex();
    const QString name = u"keyhaven-"_s + userId() + u'-' + QString::fromLatin1(hash.left(16));
    // The user's runtime folder (0700, checked by QStandardPaths) keeps other users out; Qt's
    // access options would bind elsewhere and rename over the path, hiding a live instance.
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    return runtime.isEmpty() ? name : runtime + u'/' + name;
}

SingleInstance::Forward SingleInstance::forward(
    const QString &name, const LaunchRequest &request, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(name);
    if (!socket.waitForConnected(timeoutMs)) {
        const auto error = socket.error();
        qCDebug(lcInstance) << "no running instance:" << socket.errorString();
        return error == QLocalSocket::SocketTimeoutError ? Forward::NoAnswer : Forward::NoInstance;
    }
    QByteArray frame = encodeLaunchRequest(request);
    socket.write(frame);
    SecretBytes::wipe(frame);
    QByteArray answer;
    if (socket.waitForBytesWritten(timeoutMs)) {
        while (answer.isEmpty() && socket.waitForReadyRead(timeoutMs))
            answer = socket.read(1);
    }
    socket.disconnectFromServer();
    if (answer.size() == 1 && answer.at(0) == kAck)
        return Forward::Delivered;
    qCWarning(lcInstance) << "the running instance did not acknowledge:" << socket.errorString();
    return Forward::NoAnswer;
}

SingleInstance::SingleInstance(QObject *parent)
    : QObject(parent)
    , m_server(new QLocalServer(this))
{
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::accept);
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::isListening() const { return m_server->isListening(); }

Result<void> SingleInstance::listen(const QString &name)
{
    if (m_server->listen(name))
        return {};
    if (m_server->serverError() == QAbstractSocket::AddressInUseError) {
        // Left behind by an instance that crashed? Only if nobody answers on it.
        QLocalSocket probe;
        probe.connectToServer(name);
        if (probe.waitForConnected(kStaleProbeMs)) {
            probe.disconnectFromServer();
            return Error::environment(
                u"instance-listen"_s, u"Another keyhaven instance is listening on %1."_s.arg(name));
        }
        qCInfo(lcInstance) << "removing a stale instance socket" << name;
        QLocalServer::removeServer(name);
        if (m_server->listen(name))
            return {};
    }
    return Error::environment(
        u"instance-listen"_s, u"Cannot listen on %1: %2"_s.arg(name, m_server->errorString()));
}

void SingleInstance::accept()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        auto decoder = std::make_shared<LaunchRequestDecoder>();
        auto *timeout = new QTimer(socket);
        timeout->setSingleShot(true);
        connect(timeout, &QTimer::timeout, socket, &QLocalSocket::abort);
        timeout->start(kServerReadTimeoutMs);
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket, decoder] {
            QByteArray chunk = socket->readAll();
            const auto state = decoder->feed(chunk);
            SecretBytes::wipe(chunk);
            if (state == LaunchRequestDecoder::State::NeedMore)
                return;
            if (state == LaunchRequestDecoder::State::Invalid) {
                qCWarning(lcInstance) << "dropped a malformed launch request:" << decoder->error();
                socket->abort();
                return;
            }
            const LaunchRequest request = decoder->take();
            socket->write(QByteArray(1, kAck));
            socket->disconnectFromServer();
            Q_EMIT requestReceived(request);
        });
    }
}

} // namespace keyhaven::desktop
