// replay/sender.cpp — one QNetworkReply per hop; redirects are followed here, not by Qt, so that
// rule 7 decides what goes along.
#include "replay/sender.h"

#include "common/io.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrl>

#include <utility>

using namespace Qt::StringLiterals;

namespace keyhaven::replay {

Request redirected(const Request &from, const QString &location, int status, QStringList *notes)
{
    Request next = from;
    next.url = QUrl(from.url).resolved(QUrl(location)).toString(QUrl::FullyEncoded);
    const bool toGet = status == 303 || ((status == 301 || status == 302) && from.method == "POST");
    if (toGet && from.method != "HEAD") {
        next.method = "GET";
        next.body.reset();
        next.bodyKind = BodyKind::None;
        next.removeHeaders("Content-Type");
    }
    if (originOf(next.url) != originOf(from.url)) {
        QList<QByteArray> dropped;
        QList<QByteArray> names { "Authorization", "Proxy-Authorization", "Cookie" };
        if (from.auth.kind == AuthBinding::Kind::ApiKey)
            names.append(from.auth.headerName);
        for (const QByteArray &name : std::as_const(names)) {
            if (next.hasHeader(name)) {
                next.removeHeaders(name);
                dropped.append(name);
            }
        }
        next.auth = {};
        if (notes && !dropped.isEmpty())
            notes->append(u"Redirected to another origin (%1): %2 not sent there (rule 7)."_s.arg(
                originOf(next.url), QString::fromLatin1(dropped.join(", "))));
    }
    return next;
}

Sender::Sender(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

void Sender::send(const Request &request, std::function<void(Result<Response>)> done)
{
    m_clock.start();
    m_cancelled = false;
    sendOne(request, std::make_shared<Response>(), std::move(done));
}

void Sender::abort()
{
    if (m_current) {
        m_cancelled = true;
        m_current->abort(); // finished() follows synchronously, with OperationCanceledError
    }
}

void Sender::sendOne(
    Request request, std::shared_ptr<Response> progress, std::function<void(Result<Response>)> done)
{
    QNetworkRequest nr { QUrl(request.url, QUrl::TolerantMode) };
    nr.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    nr.setTransferTimeout(request.timeoutMs > 0 ? request.timeoutMs : kDefaultTimeoutMs);
    // Duplicated field lines are combined as RFC 9110 §5.3 allows (Cookie with "; ").
    QList<QByteArray> seen;
    for (const Header &h : std::as_const(request.headers)) {
        const QByteArray lower = h.first.toLower();
        if (lower == "host" || lower == "content-length")
            continue; // follow from the URL and the body
        if (seen.contains(lower)) {
            const QByteArray sep = lower == "cookie" ? "; " : ", ";
            nr.setRawHeader(h.first, nr.rawHeader(h.first) + sep + h.second);
        } else {
            nr.setRawHeader(h.first, h.second);
            seen.append(lower);
        }
    }
    if (!request.caFile.isEmpty()) {
        QList<QSslCertificate> cas = QSslCertificate::fromPath(request.caFile);
        if (cas.isEmpty()) {
            done(Error::input(u"ca-file"_s,
                u"No certificate could be read from the CA file %1."_s.arg(request.caFile)));
            return;
        }
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(cas);
        nr.setSslConfiguration(tls);
    }
    QNetworkReply *reply = request.body
        ? m_network->sendCustomRequest(nr, request.method, *request.body)
        : m_network->sendCustomRequest(nr, request.method);
    reply->setParent(this);
    m_current = reply;
    if (request.insecureTls) {
        connect(reply, &QNetworkReply::sslErrors, reply,
            [reply](const QList<QSslError> &) { reply->ignoreSslErrors(); });
    }
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, progress]() {
        if (progress->ttfbMs == 0)
            progress->ttfbMs = m_clock.elapsed();
    });
    connect(reply, &QNetworkReply::readyRead, this, [reply]() {
        if (reply->bytesAvailable() > kMaxBody)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, request, progress, done]() {
        reply->deleteLater();
        if (m_current == reply)
            m_current.clear();
        if (std::exchange(m_cancelled, false)) {
            done(Error::environment(u"cancelled"_s, u"Cancelled."_s));
            return;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0) {
            const auto err = reply->error();
            if (err == QNetworkReply::OperationCanceledError || err == QNetworkReply::TimeoutError)
                done(Error::environment(u"timeout"_s,
                    u"No complete answer from %1 within the timeout."_s.arg(
                        originOf(request.url))));
            else if (err == QNetworkReply::SslHandshakeFailedError)
                done(Error::environment(u"tls"_s,
                    u"TLS: %1. The certificate is not trusted; give its CA with --cacert FILE "
                    "(verification is never turned off silently)."_s.arg(reply->errorString())));
            else
                done(Error::environment(u"network"_s, reply->errorString()));
            return;
        }
        const QByteArray location = reply->rawHeader("Location");
        if (request.followRedirects && status >= 300 && status < 400 && status != 304
            && !location.isEmpty()) {
            if (++progress->redirects > kMaxRedirects) {
                done(Error::environment(
                    u"too-many-redirects"_s, u"More than %1 redirects."_s.arg(kMaxRedirects)));
                return;
            }
            Request next =
                redirected(request, QString::fromUtf8(location), status, &progress->notes);
            sendOne(std::move(next), progress, done);
            return;
        }
        Response r = *progress;
        r.status = status;
        r.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
        for (const auto &pair : reply->rawHeaderPairs())
            r.headers.append({ pair.first, pair.second });
        r.body = reply->readAll();
        r.finalUrl = request.url;
        r.timeMs = m_clock.elapsed();
        if (r.ttfbMs == 0)
            r.ttfbMs = r.timeMs;
        done(std::move(r));
    });
}

} // namespace keyhaven::replay
