// oauth/loopbackreceiver.cpp — one-shot RFC 8252 loopback redirect receiver on 127.0.0.1.
#include "oauth/loopbackreceiver.h"
#include "oauth/log.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <openssl/crypto.h>

using namespace Qt::StringLiterals;

namespace keyhaven::oauth {

namespace {

constexpr char kBufferProperty[] = "keyhaven.request";

bool sameState(const QString &a, const QString &b)
{
    const QByteArray x = a.toUtf8();
    const QByteArray y = b.toUtf8();
    return x.size() == y.size() && !x.isEmpty()
        && CRYPTO_memcmp(x.constData(), y.constData(), size_t(x.size())) == 0;
}

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "Error";
    }
}

} // namespace

LoopbackReceiver::LoopbackReceiver(QObject *parent)
    : QObject(parent)
{
}

LoopbackReceiver::~LoopbackReceiver() = default;

Result<QUrl> LoopbackReceiver::start(const Options &options, Done done)
{
    if (m_server)
        return Error::input(u"invalid-options"_s, u"This receiver was already started."_s);
    if (options.expectedState.isEmpty() || !options.path.startsWith(u'/'))
        return Error::input(
            u"invalid-options"_s, u"The receiver needs a state value and an absolute path."_s);
    m_options = options;
    m_done = std::move(done);
    m_server = new QTcpServer(this);
    m_server->setMaxPendingConnections(options.maxConnections);
    // The IPv4 loopback literal only: never QHostAddress::Any (reachable from the LAN).
    if (!m_server->listen(QHostAddress(QHostAddress::LocalHost), options.port)) {
        const QString why = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return Error::environment(
            u"listen-failed"_s, u"Cannot listen on 127.0.0.1:%1: %2"_s.arg(options.port).arg(why));
    }
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackReceiver::onNewConnection);
    m_timeout = new QTimer(this);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        finish(Error::environment(u"login-timeout"_s,
            u"No answer from the browser within %1 s; the login was "
            "abandoned."_s.arg(m_options.timeoutMs / 1000)));
    });
    m_timeout->start(options.timeoutMs);
    m_redirectUri = QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server->serverPort()).arg(options.path));
    qCInfo(lcOAuth) << "loopback receiver listening on" << m_redirectUri.toString();
    return m_redirectUri;
}

void LoopbackReceiver::cancel()
{
    finish(Error::input(u"login-cancelled"_s, u"The login was cancelled."_s));
}

bool LoopbackReceiver::isListening() const { return m_server && m_server->isListening(); }

quint16 LoopbackReceiver::port() const { return m_server ? m_server->serverPort() : 0; }

void LoopbackReceiver::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        if (m_finished) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_open.removeAll(nullptr);
        // At the cap, drop the oldest connection rather than refuse the newest: idle sockets
        // opened by another local program must not keep the browser's callback out.
        while (m_open.size() >= m_options.maxConnections) {
            QPointer<QTcpSocket> oldest = m_open.takeFirst();
            if (oldest)
                oldest->abort();
        }
        m_open.append(socket);
        // A slow or silent client gets its own deadline; it never holds up the others.
        auto *deadline = new QTimer(socket);
        deadline->setSingleShot(true);
        connect(deadline, &QTimer::timeout, socket, &QTcpSocket::abort);
        deadline->start(m_options.connectionTimeoutMs);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_open.removeAll(socket);
            socket->deleteLater();
        });
    }
}

void LoopbackReceiver::onReadyRead(QTcpSocket *socket)
{
    QByteArray buffer = socket->property(kBufferProperty).toByteArray();
    buffer += socket->read(m_options.maxRequestBytes + 1 - buffer.size());
    const qsizetype headLength = requestHeadLength(buffer);
    if (headLength == 0) {
        if (buffer.size() > m_options.maxRequestBytes) {
            respond(socket, 431, tr("Request too large"), tr("The request was too large."));
            return;
        }
        socket->setProperty(kBufferProperty, buffer);
        return;
    }
    socket->setProperty(kBufferProperty, QVariant());
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    handleRequest(socket, buffer.left(headLength));
}

void LoopbackReceiver::handleRequest(QTcpSocket *socket, const QByteArray &head)
{
    if (m_finished) {
        socket->abort();
        return;
    }
    Result<CallbackRequest> request = parseCallbackRequest(head);
    if (!request) {
        const bool method = request.error().id == u"method-not-allowed"_s;
        respond(socket, method ? 405 : 400, tr("Bad request"), request.error().message);
        return;
    }
    if (request->path != m_options.path) {
        // A favicon or a stray request: not the callback, and it does not use up the one shot.
        respond(socket, 404, tr("Not found"), tr("This is not the Keyhaven login address."));
        return;
    }
    AuthorizationResponse response = authorizationResponse(request->query);
    if (!sameState(response.state, m_options.expectedState)) {
        // Not the answer to our request (CSRF, RFC 6749 §10.12, or a stale tab): refuse it and
        // keep waiting for the real one.
        qCWarning(lcOAuth) << "loopback callback with a wrong or missing state refused";
        respond(socket, 400, tr("Login not recognised"),
            tr("This answer does not belong to the login Keyhaven started. Start the login "
               "again from Keyhaven."));
        return;
    }
    if (!response.error.isEmpty()) {
        respond(socket, 200, tr("Login not completed"),
            tr("The sign-in did not complete (%1). You can close this tab and return to "
               "Keyhaven.")
                .arg(response.error));
        QString message = tr("The authorization server answered \"%1\"").arg(response.error);
        if (!response.errorDescription.isEmpty())
            message += u": "_s + response.errorDescription;
        finish(Error::input(u"authorization-error"_s, message));
        return;
    }
    if (response.code.isEmpty()) {
        respond(
            socket, 400, tr("Login not recognised"), tr("The answer has no authorization code."));
        return;
    }
    respond(socket, 200, tr("Signed in"),
        tr("You are signed in. You can close this tab and return to Keyhaven."));
    finish(std::move(response));
}

void LoopbackReceiver::respond(
    QTcpSocket *socket, int status, const QString &title, const QString &text)
{
    const QByteArray body =
        u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1"
        "</title></head><body style=\"font-family:sans-serif;margin:3em\">"
        "<h1>%1</h1><p>%2</p></body></html>"_s.arg(title.toHtmlEscaped(), text.toHtmlEscaped())
            .toUtf8();
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
    out += "Content-Type: text/html; charset=utf-8\r\n"
           "Content-Length: "
        + QByteArray::number(body.size())
        + "\r\n"
          "Cache-Control: no-store\r\n"
          "Referrer-Policy: no-referrer\r\n"
          "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n"
          "Connection: close\r\n\r\n"
        + body;
    socket->write(out);
    socket->disconnectFromHost(); // after the bytes are written
}

void LoopbackReceiver::finish(Result<AuthorizationResponse> result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_timeout)
        m_timeout->stop();
    if (m_server)
        m_server->close(); // one shot: no further connections
    if (m_done) {
        Done done = std::move(m_done);
        m_done = nullptr;
        done(std::move(result));
    }
}

} // namespace keyhaven::oauth
