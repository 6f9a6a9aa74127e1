// replay/sender.h — sends a Request through QNetworkAccessManager: TLS verified, timeouts,
// redirects that never carry a credential to another origin (DESIGN.md rule 7).
#pragma once

#include "common/result.h"
#include "replay/request.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace keyhaven::replay {

struct Response
{
    int status = 0;
    QByteArray reason;
    Headers headers;
    QByteArray body;
    QString finalUrl;
    qint64 timeMs = 0;
    qint64 ttfbMs = 0; // until the response headers arrived
    int redirects = 0;
    QStringList notes; // "credential dropped on the redirect to https://other:443"
};

class Sender : public QObject
{
    Q_OBJECT
public:
    explicit Sender(QNetworkAccessManager *network, QObject *parent = nullptr);
    static constexpr int kDefaultTimeoutMs = 30000;
    static constexpr int kMaxRedirects = 10;
    static constexpr qint64 kMaxBody = 256 * 1024 * 1024;

    // Error ids: "network" (connection, DNS), "tls" (certificate refused), "timeout",
    // "too-many-redirects", "ca-file", "cancelled" (abort()). A 4xx/5xx answer is a Response, not
    // an Error.
    void send(const Request &request, std::function<void(Result<Response>)> done);
    // Stops the send in flight (any hop of it): its `done` runs once with "cancelled". Nothing
    // happens when no send is in flight.
    void abort();
    bool isBusy() const { return !m_current.isNull(); }

private:
    void sendOne(Request request, std::shared_ptr<Response> progress,
        std::function<void(Result<Response>)> done);
    QNetworkAccessManager *m_network;
    QElapsedTimer m_clock;
    QPointer<QNetworkReply> m_current;
    bool m_cancelled = false;
};

// The request to follow a redirect with: method per RFC 9110 §15.4 (303, and 301/302 after
// POST, become GET without a body), and every credential removed when the origin changes.
Request redirected(const Request &from, const QString &location, int status, QStringList *notes);

} // namespace keyhaven::replay
