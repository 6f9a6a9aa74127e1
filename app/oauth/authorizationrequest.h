// oauth/authorizationrequest.h — builds the authorization URL of the code flow with PKCE.
#pragma once

#include "common/result.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace keyhaven::oauth {

struct AuthorizationRequest
{
    QUrl authorizationEndpoint;
    QString clientId;
    QUrl redirectUri;
    QStringList scopes;
    QString state;
    QString nonce; // OIDC; empty = not sent
    QString codeChallenge; // S256 of the verifier
    // Extra parameters a connection names (audience, resource, prompt, ...). A parameter that the
    // flow itself sets cannot be overridden here.
    QList<QPair<QString, QString>> extra;
};

// The URL to open in the user's browser (RFC 6749 §4.1.1, RFC 7636 §4.3). Parameters already in
// the endpoint's query are kept (RFC 6749 §3.1). Error id: "invalid-request".
Result<QUrl> authorizationUrl(const AuthorizationRequest &request);

// 32 random bytes as base64url: for state and nonce.
QString randomToken();

} // namespace keyhaven::oauth
