// oauth/discovery.h — OpenID Connect / RFC 8414 authorization server metadata: URLs and checks.
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace keyhaven::oauth {

struct ServerMetadata
{
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl jwksUri;
    QUrl userinfoEndpoint;
    QUrl revocationEndpoint; // RFC 7009
    QUrl introspectionEndpoint; // RFC 7662
    QUrl endSessionEndpoint;
    QStringList scopesSupported;
    QStringList responseTypesSupported;
    QStringList grantTypesSupported;
    QStringList codeChallengeMethodsSupported; // empty = not advertised
    QStringList tokenEndpointAuthMethodsSupported;
    QStringList idTokenSigningAlgValuesSupported;
    bool authorizationResponseIssParameterSupported = false; // RFC 9207
};

// An endpoint may be used only over HTTPS, or plain HTTP on the loopback interface (RFC 8252
// §8.3 for the client side; DESIGN.md rule 4 for token endpoints).
bool isLoopbackHost(const QString &host);
bool isAllowedEndpoint(const QUrl &url);

// https://id.example/tenant -> https://id.example/tenant/.well-known/openid-configuration
QUrl openIdConfigurationUrl(const QUrl &issuer);
// RFC 8414 §3.1: the well-known suffix goes between the host and the issuer's path.
QUrl oauthServerMetadataUrl(const QUrl &issuer);

// Parses and checks a metadata document fetched for `expectedIssuer`: the `issuer` member must
// equal it exactly (RFC 8414 §3.3, OIDC Discovery §4.3: a mix-up defence), the required
// endpoints must be there and allowed, and S256 must be supported when methods are advertised.
// Error ids: "discovery-malformed", "issuer-mismatch", "endpoint-insecure", "pkce-unsupported".
Result<ServerMetadata> parseServerMetadata(const QByteArray &json, const QString &expectedIssuer);

} // namespace keyhaven::oauth
