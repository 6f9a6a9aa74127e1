// oauth/callbackrequest.h — parses the HTTP request a browser sends to the loopback redirect URI.
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

namespace keyhaven::oauth {

// The parts of the authorization response (RFC 6749 §4.1.2, §4.1.2.1; RFC 9207 `iss`).
struct AuthorizationResponse
{
    QString code;
    QString state;
    QString error; // e.g. access_denied
    QString errorDescription;
    QString errorUri;
    QString issuer; // RFC 9207, when the server sends it
};

struct CallbackRequest
{
    QByteArray method;
    QString path; // percent-decoded path of the request target
    QUrlQuery query;
};

// Looks for the end of the request head ("\r\n\r\n") in `buffer`: returns its length including
// the terminator, 0 if the head is not complete yet. Bodies are never read.
qsizetype requestHeadLength(const QByteArray &buffer);

// Parses a complete request head: "GET /path?query HTTP/1.1\r\n...". Only origin-form targets
// are accepted. Error ids: "bad-request" (malformed), "method-not-allowed".
Result<CallbackRequest> parseCallbackRequest(const QByteArray &head);

AuthorizationResponse authorizationResponse(const QUrlQuery &query);

} // namespace keyhaven::oauth
