// replay/curlimport.h — turns a pasted curl command line into the requests curl would send.
#pragma once

#include "common/result.h"
#include "replay/request.h"
#include "replay/shellwords.h"

#include <QDir>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace keyhaven::replay {

// A credential found in an imported request, to be moved into the vault. The value is kept only
// so that it can be moved; it is never printed (`where` says where it was).
struct DetectedCredential
{
    enum class Kind {
        AuthorizationHeader,
        KeyHeader,
        BasicAuth,
        Bearer,
        QueryKey,
        SessionCookie,
        BodyField
    };
    Kind kind = Kind::KeyHeader;
    int request = 0; // index into CurlImport::requests
    QString name; // header, parameter or cookie name ("Authorization", "api_key", "session")
    QString where; // "header X-Api-Key", "-u", "query parameter api_key", "cookie session"
    QByteArray value; // the secret: never printed, never logged
};

QString credentialKindId(
    DetectedCredential::Kind kind); // "authorization-header", "key-header", ...

struct CurlImport
{
    QList<Request> requests; // in the order curl would send them
    QStringList unknownOptions; // reported, never dropped silently
    QStringList ignoredOptions; // known options that do not change what is sent (-s, -v, -o FILE)
    QStringList notes; // what the import did that the user should know
    QList<DetectedCredential> credentials;
};

struct CurlContext
{
    QDir workingDir = QDir::current(); // relative file names (@file, -T, -b FILE) resolve here
    EnvLookup env; // $VAR expansion; unset means "not set"
    // Reads stdin once (for @- and -T -); nullptr = no stdin available.
    std::function<Result<QByteArray>()> readStdin;
};

// The credentials a request carries literally: Authorization and key-like headers, session
// cookies, key-like query parameters and secret form fields. `index` goes into each result;
// the two flags only word `where` ("-u", "--oauth2-bearer") for what curl's options made.
QList<DetectedCredential> detectCredentials(const Request &request, int index = 0,
    bool fromUserOption = false, bool fromBearerOption = false);

// Parses `curl …` (bash quoting; "Copy as cURL" from Chromium and Firefox). Error ids: those of
// splitShellWords, "not-curl", "curl-refuses" (curl itself would exit 2, with curl's reason),
// "no-url", "missing-argument", "file-not-found", "file-unreadable", "input-too-large",
// "stdin-unavailable".
Result<CurlImport> importCurl(QByteArrayView command, const CurlContext &context);

// Percent-encodes as curl_easy_escape does (unreserved characters stay, uppercase hex).
QByteArray curlEscape(QByteArrayView bytes);

} // namespace keyhaven::replay

namespace keyhaven::replay {
// Whether a query parameter name looks like it carries a credential (api_key, access_token,
// sig...).
bool isCredentialParameterName(const QString &name);
} // namespace keyhaven::replay
