// replay/diagnosis.h — WWW-Authenticate parsing (RFC 9110 §11.6.1) and why a 401/403/407/429
// happened.
#pragma once

#include "replay/request.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace keyhaven::replay {

struct Challenge
{
    QString scheme; // as sent ("Bearer"); compare case-insensitively
    QString token68; // "Negotiate abc=="
    QList<QPair<QString, QString>> params; // names lowercased, quoted-strings unescaped
    QString param(const QString &name) const;
};

// Parses one or more challenges (several header lines joined with ", "). Malformed parts end the
// parse; what was parsed before stays. Never fails, never loops.
QList<Challenge> parseChallenges(QByteArrayView value);

struct Diagnosis
{
    QString id; // "no-challenge", "invalid-token", "insufficient-scope", "scheme-mismatch", ...
    QString message;
};

struct ResponseFacts
{
    int status = 0;
    Headers headers;
    QDateTime now = QDateTime::currentDateTimeUtc();
    std::optional<QDateTime> tokenExpires; // the bound JWT's exp or OAuth access token's expiry
    // The scopes the bound OAuth token was granted (empty: unknown), set against what an
    // insufficient_scope challenge asks for.
    QStringList grantedScopes;
};

// Why the server answered as it did, for 401, 403, 407 and 429 (empty otherwise).
QList<Diagnosis> diagnose(const Request &sent, const ResponseFacts &response);
QJsonArray toJson(const QList<Diagnosis> &diagnoses);

} // namespace keyhaven::replay
