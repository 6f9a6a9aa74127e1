// vault/item.h — the metadata of a stored credential (never the secret itself).
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace keyhaven::vault {

enum class ItemKind { ApiKey, Jwt, OAuth };

// Stable ids used in SQLite, --json and --kind: "api-key", "jwt", "oauth".
QString kindId(ItemKind kind);
std::optional<ItemKind> kindFromId(QStringView id);

// Whether the keychain holds the item's secret(s), as far as the vault knows.
enum class SecretState {
    Unknown, // not checked yet (keychain not reachable, or not asked)
    Present, // written and confirmed
    Missing, // the keychain has no (complete) secret for it: shown, never dropped
};

// Secret fields, used as the keychain account suffix "<item-uuid>/<field>".
namespace field {
inline constexpr char16_t kApiKey[] = u"secret"; // API key value
inline constexpr char16_t kToken[] = u"token"; // JWT
inline constexpr char16_t kAccessToken[] = u"access_token"; // OAuth
inline constexpr char16_t kRefreshToken[] = u"refresh_token";
inline constexpr char16_t kIdToken[] = u"id_token";
inline constexpr char16_t kClientSecret[] = u"client_secret";
} // namespace field

// One flat struct for every kind keeps the models and the SQLite mapping simple; fields that do
// not apply to a kind stay empty.
struct Item
{
    QUuid id; // assigned by Vault::addItem when null
    ItemKind kind = ItemKind::ApiKey;
    QString name; // unique, case-sensitive; the CLI's ITEM is a name or an id
    QString owner;
    QStringList tags;
    QString notes;
    QDateTime created; // UTC
    QDateTime updated; // UTC

    // API key
    QString headerName = QStringLiteral("X-API-Key");
    QStringList baseUrls; // origins the credential may be sent to (DESIGN.md rule 7)
    int rotateEveryDays = 90;
    QDateTime lastRotated; // UTC; null = never (created counts)
    QDateTime expires; // UTC; null = no expiry (for a JWT: its exp)
    int warnDaysBefore = 14; // "due soon" this many days before the due date
    int overlapDays = 7; // after a rotation the old secret stays this many days ("retiring")

    // JWT (cached claims, refreshed whenever the token is written)
    QString jwtIssuer;
    QString jwtSubject;
    QStringList jwtAudience;

    // OAuth connection
    QString issuerUrl;
    QString clientId;
    QStringList scopes;
    QStringList authParams; // extra authorization parameters "K=V" (audience, resource, prompt)
    int redirectPort = 0; // loopback redirect port; 0 = chosen by the OS
    QDateTime accessTokenExpires; // UTC; null = unknown or no access token
    QDateTime refreshTokenExpires; // UTC; null = unknown or none
    QString subject; // the id_token's sub of the last login
    QStringList grantedScopes; // as granted by the server at the last token response
    bool needsLogin = false; // "log in again": the server refused the refresh token

    SecretState secretState = SecretState::Unknown;

    QString idString() const { return id.toString(QUuid::WithoutBraces); }
    // The field holding this kind's main secret (api-key: secret, jwt: token, oauth: access_token).
    QString primaryField() const;
};

// One rotation, as the history lists it: when, by whom (the OS user name), why. Never the secret.
struct RotationEvent
{
    QDateTime at; // UTC
    QString by;
    QString reason;
    QString retiringField; // where the old secret was kept ("" = not kept: overlap 0)
    QDateTime retireUntil; // UTC; when the old secret is (or was) deleted from the keychain
};

// An old secret still in the keychain after a rotation ("retiring until DATE").
struct RetiringSecret
{
    QString field;
    QDateTime until; // UTC
};

} // namespace keyhaven::vault

// Every member is a relocatable Qt type: a QList<Item> grows by moving its memory instead of
// copying each item (10,000 items at start-up).
Q_DECLARE_TYPEINFO(keyhaven::vault::Item, Q_RELOCATABLE_TYPE);

Q_DECLARE_METATYPE(keyhaven::vault::Item)
