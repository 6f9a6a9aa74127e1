// ui/sampledata.cpp — a few realistic sample items for `keyhaven --sample-data`.
#include "sampledata.h"

#include "common/ossl.h"
#include "jose/jwk.h"
#include "jose/jwssigner.h"
#include "vault/vault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <memory>

#include <openssl/evp.h>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

using vault::Item;
using vault::ItemKind;

namespace {

QByteArray b64url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray randomBytes(int n)
{
    QByteArray out(n, Qt::Uninitialized);
    QRandomGenerator *rng = QRandomGenerator::system();
    for (char &c : out)
        c = char(rng->bounded(256));
    return out;
}

QByteArray randomToken(const QByteArray &prefix, int chars)
{
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray out = prefix;
    QRandomGenerator *rng = QRandomGenerator::system();
    for (int i = 0; i < chars; ++i)
        out += kAlphabet[rng->bounded(int(sizeof(kAlphabet) - 1))];
    return out;
}

// A compact JWS with a made-up signature: it decodes like a real one but verifies against nothing.
QByteArray sampleJwt(const QJsonObject &header, const QJsonObject &claims, int signatureBytes)
{
    return b64url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + b64url(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.'
        + b64url(randomBytes(signatureBytes));
}

Item base(ItemKind kind, const QString &name, const QString &owner, const QStringList &tags,
    const QDateTime &created)
{
    Item item;
    item.kind = kind;
    item.name = name;
    item.owner = owner;
    item.tags = tags;
    item.created = created;
    item.updated = created;
    return item;
}

} // namespace

SampleSignedToken sampleSignedToken(const QDateTime &now)
{
    SampleSignedToken out;
    ossl::PKeyPtr pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!pkey)
        return out;
    const jose::Key key = jose::Key::fromPKey(std::move(pkey), u"sample key"_s);
    const qint64 t = now.toSecsSinceEpoch();
    const QJsonObject claims {
        { u"iss"_s, u"https://login.example.com"_s },
        { u"sub"_s, u"248289761001"_s },
        { u"aud"_s, QJsonArray { u"https://api.example.com"_s, u"billing-dashboard"_s } },
        { u"iat"_s, t - 46 * 60 },
        { u"nbf"_s, t - 45 * 60 },
        { u"exp"_s, t + 14 * 60 },
        { u"jti"_s, u"b6f1c2e0-9f8a-4d61-a0de-8f3c7c1d2e4f"_s },
        { u"azp"_s, u"billing-dashboard"_s },
        { u"scope"_s, u"openid profile invoices:read"_s },
        { u"email"_s, u"jane.doe@example.com"_s },
        { u"roles"_s, QJsonArray { u"viewer"_s, u"billing"_s } },
    };
    jose::SignOptions options;
    options.alg = u"ES256"_s;
    options.extraHeader = QJsonObject { { u"kid"_s, u"2026-11-sig"_s } };
    // In the order an issuer writes them (QJsonObject would sort the names).
    QByteArray payload = "{";
    for (const char *name :
        { "iss", "sub", "aud", "azp", "scope", "iat", "nbf", "exp", "jti", "email", "roles" }) {
        const QString n = QString::fromLatin1(name);
        QByteArray one =
            QJsonDocument(QJsonObject { { n, claims.value(n) } }).toJson(QJsonDocument::Compact);
        payload += (payload.size() > 1 ? "," : "") + one.mid(1, one.size() - 2);
    }
    payload += '}';
    const auto token = jose::signCompact(payload, key, options);
    if (!token)
        return out;
    out.token = *token;
    QJsonObject jwk = key.publicJwk();
    jwk.insert(u"kid"_s, u"2026-11-sig"_s);
    out.publicJwk = QJsonDocument(jwk).toJson(QJsonDocument::Indented);
    return out;
}

QList<SampleItem> sampleItems(const QDateTime &now)
{
    QList<SampleItem> out;

    Item stripe = base(ItemKind::ApiKey, u"Stripe (live)"_s, u"payments-team"_s,
        { u"prod"_s, u"billing"_s }, now.addDays(-200));
    stripe.headerName = u"Authorization"_s;
    stripe.baseUrls = { u"https://api.stripe.com"_s };
    stripe.lastRotated = now.addDays(-97);
    out.append({ stripe, randomToken("sk_live_", 99) });

    Item openai = base(
        ItemKind::ApiKey, u"OpenAI"_s, u"ml-platform"_s, { u"prod"_s, u"llm"_s }, now.addDays(-40));
    openai.headerName = u"Authorization"_s;
    openai.baseUrls = { u"https://api.openai.com"_s };
    openai.lastRotated = now.addDays(-12);
    out.append({ openai, randomToken("sk-proj-", 48) });

    Item maps = base(ItemKind::ApiKey, u"Google Maps (staging)"_s, u"frontend"_s,
        { u"staging"_s, u"maps"_s }, now.addDays(-75));
    maps.headerName = u"X-Goog-Api-Key"_s;
    maps.baseUrls = { u"https://maps.googleapis.com"_s };
    out.append({ maps, randomToken("AIza", 35) });

    Item sendgrid =
        base(ItemKind::ApiKey, u"SendGrid"_s, u"growth"_s, { u"email"_s }, now.addDays(-20));
    sendgrid.headerName = u"Authorization"_s;
    sendgrid.baseUrls = { u"https://api.sendgrid.com"_s };
    sendgrid.rotateEveryDays = 180;
    out.append({ sendgrid, randomToken("SG.", 66) });

    Item internal = base(ItemKind::ApiKey, u"Inventory service"_s, u"ops"_s,
        { u"internal"_s, u"dev"_s }, now.addDays(-3));
    internal.baseUrls = { u"https://inventory.internal.example.com"_s, u"http://127.0.0.1:8080"_s };
    internal.rotateEveryDays = 30;
    out.append({ internal, randomToken("inv_", 40) });

    const auto jwtItem = [&](const QString &name, const QString &owner, const QStringList &tags,
                             const QString &iss, const QString &sub, const QString &aud,
                             qint64 iatAgo, qint64 expIn, const QString &alg) {
        const qint64 iat = now.toSecsSinceEpoch() - iatAgo;
        const qint64 exp = now.toSecsSinceEpoch() + expIn;
        Item item = base(ItemKind::Jwt, name, owner, tags, now.addSecs(-iatAgo));
        item.jwtIssuer = iss;
        item.jwtSubject = sub;
        item.jwtAudience = { aud };
        item.expires = QDateTime::fromSecsSinceEpoch(exp, Qt::UTC);
        const QJsonObject header { { u"alg"_s, alg }, { u"typ"_s, u"JWT"_s },
            { u"kid"_s, QString::fromLatin1(b64url(randomBytes(12))) } };
        const QJsonObject claims { { u"iss"_s, iss }, { u"sub"_s, sub }, { u"aud"_s, aud },
            { u"iat"_s, iat }, { u"exp"_s, exp },
            { u"jti"_s, QString::fromLatin1(b64url(randomBytes(16))) } };
        out.append({ item, sampleJwt(header, claims, alg.startsWith(u"ES") ? 64 : 256) });
    };
    jwtItem(u"GitHub Actions OIDC"_s, u"platform"_s, { u"ci"_s },
        u"https://token.actions.githubusercontent.com"_s, u"repo:keyhaven/keyhaven:ref:main"_s,
        u"sts.amazonaws.com"_s, 300, 3300, u"RS256"_s);
    jwtItem(u"Auth0 M2M (staging)"_s, u"backend"_s, { u"staging"_s },
        u"https://keyhaven-staging.eu.auth0.com/"_s, u"m2m-client@clients"_s,
        u"https://api.staging.example.com"_s, 86400, 2 * 86400, u"RS256"_s);
    out.last().item.baseUrls = { u"https://api.staging.example.com"_s }; // its audience (rule 7)
    jwtItem(u"Support session"_s, u"support"_s, { u"debug"_s }, u"https://id.example.com"_s,
        u"user-8841"_s, u"support-portal"_s, 2 * 86400, -3 * 3600, u"ES256"_s);

    Item google =
        base(ItemKind::OAuth, u"Google Workspace"_s, u"it"_s, { u"sso"_s }, now.addDays(-14));
    google.issuerUrl = u"https://accounts.google.com"_s;
    google.clientId = u"8841-5k2p9q.apps.googleusercontent.com"_s;
    google.scopes = { u"openid"_s, u"email"_s, u"profile"_s };
    google.rotateEveryDays = 0;
    out.append({ google, "ya29." + randomToken({}, 120) });

    Item gitlab = base(ItemKind::OAuth, u"GitLab (self-hosted)"_s, u"platform"_s,
        { u"ci"_s, u"dev"_s }, now.addDays(-2));
    gitlab.issuerUrl = u"https://gitlab.example.com"_s;
    gitlab.clientId = u"c2b4d1e0a9f3"_s;
    gitlab.scopes = { u"openid"_s, u"read_api"_s, u"read_repository"_s };
    gitlab.rotateEveryDays = 0;
    out.append({ gitlab, randomToken("glpat-", 20) });

    for (SampleItem &s : out) {
        if (s.item.kind != ItemKind::ApiKey)
            s.item.rotateEveryDays = 0;
    }
    return out;
}

void addSampleData(vault::Vault *vault, QObject *context, std::function<void(Result<void>)> done)
{
    if (!vault->items().isEmpty()) {
        done({});
        return;
    }
    // One after the other: each step starts the next from its callback (no nested loop).
    struct State
    {
        QList<SampleItem> items;
        int next = 0;
        std::function<void(Result<void>)> done;
        std::function<void()> step;
    };
    auto state = std::make_shared<State>();
    state->items = sampleItems(QDateTime::currentDateTimeUtc());
    state->done = std::move(done);
    std::weak_ptr<State> weak = state;
    state->step = [vault, context, weak] {
        const std::shared_ptr<State> s = weak.lock();
        if (!s)
            return;
        if (s->next >= s->items.size()) {
            auto finish = std::move(s->done);
            s->step = nullptr; // breaks the cycle
            finish({});
            return;
        }
        SampleItem &sample = s->items[s->next++];
        vault->addItem(sample.item, SecretBytes(std::exchange(sample.secret, {})), context,
            [s](Result<Item> r) {
                if (!r) {
                    auto finish = std::move(s->done);
                    s->step = nullptr;
                    finish(r.error());
                    return;
                }
                s->step();
            });
    };
    state->step();
}

SampleExchange sampleExchange()
{
    SampleExchange x;
    replay::Request &r = x.request;
    r.method = "POST";
    r.url = u"https://api.staging.example.com/v1/invoices?draft=true"_s;
    r.headers = { { "Accept", "application/json" }, { "Content-Type", "application/json" } };
    r.body = "{\n  \"customer\": \"cus_8841\",\n  \"amount\": 4200,\n  \"currency\": \"eur\"\n}"_ba;
    r.bodyKind = replay::BodyKind::Json;
    r.auth.kind = replay::AuthBinding::Kind::JwtBearer;
    r.auth.item = u"Auth0 M2M (staging)"_s;
    replay::Response &resp = x.response;
    resp.status = 403;
    resp.reason = "Forbidden";
    resp.headers = { { "Content-Type", "application/json; charset=utf-8" },
        { "WWW-Authenticate",
            "Bearer realm=\"api\", error=\"insufficient_scope\", scope=\"invoices:write\", "
            "error_description=\"The access token does not allow creating invoices\"" },
        { "X-Request-Id", "req_8f3a2c61" } };
    resp.body = "{\"error\":\"insufficient_scope\",\"message\":\"Creating invoices needs the "
                "invoices:write scope.\",\"required_scope\":\"invoices:write\",\"request_id\":"
                "\"req_8f3a2c61\"}";
    resp.finalUrl = r.url;
    resp.timeMs = 184;
    resp.ttfbMs = 171;
    return x;
}

QList<replay::Collection> sampleCollections()
{
    using replay::AuthBinding;
    auto request = [](const QString &name, const QByteArray &method, const QString &url,
                       const AuthBinding &auth) {
        replay::SavedRequest s;
        s.name = name;
        s.request.method = method;
        s.request.url = url;
        s.request.headers = { { "Accept", "application/json" } };
        s.request.auth = auth;
        return s;
    };
    const AuthBinding m2m { AuthBinding::Kind::JwtBearer, u"Auth0 M2M (staging)"_s, {}, {} };
    replay::Collection billing;
    billing.name = u"Billing API"_s;
    billing.environments = {
        { u"local"_s, { { u"base"_s, u"http://127.0.0.1:8080"_s } } },
        { u"staging"_s, { { u"base"_s, u"https://api.staging.example.com"_s } } },
    };
    replay::SavedRequest create =
        request(u"Create invoice"_s, "POST", u"{{base}}/v1/invoices?draft=true"_s, m2m);
    create.request.headers.append(replay::Header { "Content-Type", "application/json" });
    create.request.body = sampleExchange().request.body;
    create.request.bodyKind = replay::BodyKind::Json;
    billing.requests = { create,
        request(u"List invoices"_s, "GET", u"{{base}}/v1/invoices?limit=20"_s, m2m),
        request(u"Health"_s, "GET", u"{{base}}/health"_s, {}) };
    replay::Collection inventory;
    inventory.name = u"Inventory"_s;
    AuthBinding key { AuthBinding::Kind::ApiKey, u"Inventory service"_s, {}, "X-API-Key" };
    inventory.requests = { request(u"Stock levels"_s, "GET",
                               u"https://inventory.internal.example.com/v2/stock"_s, key),
        request(u"Reserve item"_s, "POST",
            u"https://inventory.internal.example.com/v2/reservations"_s, key) };
    return { billing, inventory };
}

} // namespace keyhaven::ui
