// oauth/loopbackreceiver.h — one-shot RFC 8252 loopback redirect receiver on 127.0.0.1.
#pragma once

#include "common/result.h"
#include "oauth/callbackrequest.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace keyhaven::oauth {

// Receives exactly one authorization response on http://127.0.0.1:PORT/PATH (DESIGN.md rule 4):
// binds the IPv4 loopback literal only (RFC 8252 §7.3, §8.3), lets the OS choose the port unless
// the connection demands one, accepts the callback only on the exact path with the expected
// `state`, answers with a small page telling the user to return to the app, then closes. Junk,
// slow, partial, oversized and concurrent connections are answered or dropped on their own
// timers: none of them can crash it or keep the real callback out.
class LoopbackReceiver : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        quint16 port = 0; // 0 = chosen by the OS
        QString path = QStringLiteral("/callback");
        QString expectedState; // required, non-empty
        int timeoutMs = 5 * 60 * 1000; // the whole login
        int connectionTimeoutMs = 10 * 1000; // one connection, to send its request head
        qsizetype maxRequestBytes = 8 * 1024;
        int maxConnections = 32; // open at once; at the cap the oldest one is dropped
    };
    using Done = std::function<void(Result<AuthorizationResponse>)>;

    explicit LoopbackReceiver(QObject *parent = nullptr);
    ~LoopbackReceiver() override;

    // Starts listening and returns the redirect URI. `done` runs exactly once, through this
    // object (not after it is destroyed): with the response, or an Error with id
    // "authorization-error" (the server sent error=...), "login-timeout" or "login-cancelled".
    // Error ids of start(): "invalid-options", "listen-failed".
    Result<QUrl> start(const Options &options, Done done);
    void cancel();

    bool isListening() const;
    quint16 port() const;
    QUrl redirectUri() const { return m_redirectUri; }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handleRequest(QTcpSocket *socket, const QByteArray &head);
    void respond(QTcpSocket *socket, int status, const QString &title, const QString &text);
    void finish(Result<AuthorizationResponse> result);

    QTcpServer *m_server = nullptr;
    QTimer *m_timeout = nullptr;
    Options m_options;
    Done m_done;
    QUrl m_redirectUri;
    QList<QPointer<QTcpSocket>> m_open; // oldest first
    bool m_finished = false;
};

} // namespace keyhaven::oauth
