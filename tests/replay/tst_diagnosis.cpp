// tests/replay/tst_diagnosis.cpp — the WWW-Authenticate parser (RFC 9110 §11.6.1), response
// diagnosis, request findings (rule 7) and the redirect rule, table-driven.
#include "replay/authbinding.h"
#include "replay/boundsender.h"
#include "replay/diagnosis.h"
#include "replay/requestfindings.h"
#include "replay/sender.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace keyhaven::replay;

namespace {
// "Scheme[token68]{k=v,k=v}" per challenge, joined with " | ": compact and exact.
QString render(const QList<Challenge> &challenges)
{
    QStringList out;
    for (const Challenge &c : challenges) {
        QStringList params;
        for (const auto &p : c.params)
            params << p.first + u'=' + p.second;
        out << c.scheme + (c.token68.isEmpty() ? QString() : u'[' + c.token68 + u']') + u'{'
                + params.join(u',') + u'}';
    }
    return out.join(u" | "_s);
}

QStringList ids(const QList<Diagnosis> &d)
{
    QStringList out;
    for (const Diagnosis &x : d)
        out << x.id;
    return out;
}
} // namespace

class DiagnosisTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void challenges_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("expected");
        QTest::newRow("basic") << QByteArray("Basic realm=\"api\"") << u"Basic{realm=api}"_s;
        QTest::newRow("bearer-6750")
            << QByteArray("Bearer realm=\"example\", error=\"invalid_token\", "
                          "error_description=\"The access token expired\"")
            << u"Bearer{realm=example,error=invalid_token,"
               "error_description=The access token expired}"_s;
        QTest::newRow("two-challenges")
            << QByteArray("Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Basic "
                          "realm=\"simple\"")
            << u"Newauth{realm=apps,type=1,title=Login to \"apps\"} | Basic{realm=simple}"_s;
        QTest::newRow("token68") << QByteArray("Negotiate YII=, Basic realm=x")
                                 << u"Negotiate[YII=]{} | Basic{realm=x}"_s;
        QTest::newRow("bare-schemes") << QByteArray("Negotiate, NTLM") << u"Negotiate{} | NTLM{}"_s;
        QTest::newRow("comma-in-quotes")
            << QByteArray("Bearer scope=\"a, b\", error=insufficient_scope")
            << u"Bearer{scope=a, b,error=insufficient_scope}"_s;
        QTest::newRow("bws-and-case")
            << QByteArray("BEARER  Realm = \"r\" ,, error=x") << u"BEARER{realm=r,error=x}"_s;
        QTest::newRow("unterminated") << QByteArray("Basic realm=\"open") << u"Basic{}"_s;
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("junk") << QByteArray("=,=\"") << QString();
    }

    void challenges()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, expected);
        QCOMPARE(render(parseChallenges(header)), expected);
    }

    void diagnosis_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QByteArray>("challenge");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("401-no-challenge")
            << 401 << "Bearer t"_ba << QByteArray() << QByteArray()
            << QStringList { u"no-challenge"_s } << u"wrong header?"_s;
        QTest::newRow("401-invalid-token")
            << 401 << "Bearer t"_ba
            << "Bearer error=\"invalid_token\""_ba << QByteArray()
            << QStringList { u"invalid-token"_s, u"challenge"_s } << u"invalid_token"_s;
        QTest::newRow("403-scope")
            << 403 << "Bearer t"_ba
            << "Bearer error=\"insufficient_scope\", scope=\"write\""_ba << QByteArray()
            << QStringList { u"insufficient-scope"_s } << u"`write`"_s;
        QTest::newRow("401-wrong-scheme")
            << 401 << "Bearer t"_ba
            << "Basic realm=\"x\""_ba << QByteArray() << QStringList { u"scheme-mismatch"_s }
            << u"Basic (realm \"x\")"_s;
        QTest::newRow("401-nothing-sent") << 401 << QByteArray() << "Bearer"_ba << QByteArray()
                                          << QStringList { u"credential-missing"_s } << u"--with"_s;
        QTest::newRow("403-plain") << 403 << "Bearer t"_ba << QByteArray() << QByteArray()
                                   << QStringList { u"forbidden"_s } << u"permission"_s;
        QTest::newRow("429-seconds") << 429 << QByteArray() << QByteArray() << "120"_ba
                                     << QStringList { u"rate-limited"_s } << u"120 s"_s;
        QTest::newRow("429-none") << 429 << QByteArray() << QByteArray() << QByteArray()
                                  << QStringList { u"rate-limited"_s } << u"no Retry-After"_s;
        QTest::newRow("200") << 200 << QByteArray() << QByteArray() << QByteArray()
                             << QStringList {} << QString();
    }

    void diagnosis()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, authorization);
        QFETCH(QByteArray, challenge);
        QFETCH(QByteArray, retryAfter);
        QFETCH(QStringList, expected);
        QFETCH(QString, mentions);
        Request sent;
        sent.url = u"https://api.example/x"_s;
        if (!authorization.isEmpty())
            sent.headers.append(Header { "Authorization", authorization });
        ResponseFacts facts;
        facts.status = status;
        if (!challenge.isEmpty())
            facts.headers.append(Header { "WWW-Authenticate", challenge });
        if (!retryAfter.isEmpty())
            facts.headers.append(Header { "Retry-After", retryAfter });
        const QList<Diagnosis> d = diagnose(sent, facts);
        QCOMPARE(ids(d), expected);
        if (!mentions.isEmpty()) {
            QStringList messages;
            for (const Diagnosis &x : d)
                messages << x.message;
            QVERIFY2(messages.join(u'\n').contains(mentions), qPrintable(messages.join(u'\n')));
        }
    }

    // When an OAuth binding earns its one forced refresh: 401 invalid_token, or a 401 Bearer
    // challenge while the token we sent had expired; never a 403 or another scheme.
    void tokenRejected_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("challenge");
        QTest::addColumn<int>("expiredSecsAgo"); // < 0: not expired
        QTest::addColumn<bool>("rejected");
        QTest::newRow("invalid-token") << 401 << "Bearer error=\"invalid_token\""_ba << -1 << true;
        QTest::newRow("second-challenge")
            << 401 << "Basic realm=\"x\", Bearer realm=\"y\", error=\"invalid_token\""_ba << -1
            << true;
        QTest::newRow("bearer-token-valid") << 401 << "Bearer realm=\"r\""_ba << -1 << false;
        QTest::newRow("bearer-token-expired") << 401 << "Bearer realm=\"r\""_ba << 30 << true;
        QTest::newRow("basic-token-expired") << 401 << "Basic realm=\"r\""_ba << 30 << false;
        QTest::newRow("no-challenge") << 401 << QByteArray() << 30 << false;
        QTest::newRow("403-invalid-token")
            << 403 << "Bearer error=\"invalid_token\""_ba << 30 << false;
        QTest::newRow("insufficient-scope")
            << 401 << "Bearer error=\"insufficient_scope\", scope=\"x\""_ba << -1 << false;
    }

    void tokenRejected()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, challenge);
        QFETCH(int, expiredSecsAgo);
        QFETCH(bool, rejected);
        ResponseFacts facts;
        facts.status = status;
        facts.now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        if (!challenge.isEmpty())
            facts.headers.append(Header { "www-authenticate", challenge });
        facts.tokenExpires = facts.now.addSecs(expiredSecsAgo < 0 ? 3600 : -expiredSecsAgo);
        QCOMPARE(keyhaven::replay::tokenRejected(facts), rejected);
    }

    // RFC 6750 §3.1: the challenge's scope set against what the OAuth token was granted.
    void insufficientScopeAgainstGrantedScopes_data()
    {
        QTest::addColumn<QByteArray>("challenge");
        QTest::addColumn<QStringList>("granted");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing-one")
            << "Bearer realm=\"r\", error=\"insufficient_scope\", scope=\"openid profile\""_ba
            << QStringList { u"openid"_s, u"offline_access"_s }
            << u"403: the token has scopes `openid offline_access`, but the server wants `openid "
               "profile` (missing: `profile`): log in again with the missing scope."_s;
        QTest::newRow("no-scope-named")
            << "Bearer error=\"insufficient_scope\""_ba << QStringList { u"read"_s }
            << u"403: the token has scopes `read`, but the server wants one it lacks (it did not "
               "say which)."_s;
        QTest::newRow("granted-unknown")
            << "Bearer error=\"insufficient_scope\", scope=\"write\""_ba << QStringList {}
            << u"403: the token lacks scope; the server wants `write`."_s;
        QTest::newRow("already-granted")
            << "Bearer error=\"insufficient_scope\", scope=\"read\""_ba << QStringList { u"read"_s }
            << u"403: the token has scopes `read` and the server wants `read`, which the token was "
               "granted: the server may need a fresh token or count scopes differently."_s;
    }

    void insufficientScopeAgainstGrantedScopes()
    {
        QFETCH(QByteArray, challenge);
        QFETCH(QStringList, granted);
        QFETCH(QString, message);
        Request sent;
        sent.headers.append(Header { "Authorization", "Bearer t" });
        sent.auth.kind = AuthBinding::Kind::OAuth;
        ResponseFacts facts;
        facts.status = 403;
        facts.headers.append(Header { "WWW-Authenticate", challenge });
        facts.grantedScopes = granted;
        const QList<Diagnosis> d = diagnose(sent, facts);
        QCOMPARE(ids(d), QStringList { u"insufficient-scope"_s });
        QCOMPARE(d.first().message, message);
    }

    void expiredTokenDiagnosis()
    {
        Request sent;
        sent.headers.append(Header { "Authorization", "Bearer t" });
        ResponseFacts facts;
        facts.status = 401;
        facts.now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        facts.tokenExpires = facts.now.addSecs(-180);
        const QList<Diagnosis> d = diagnose(sent, facts);
        QCOMPARE(d.value(0).id, u"token-expired"_s);
        QCOMPARE(d.value(0).message, u"401: the token expired 3 min ago."_s);
    }

    void findings()
    {
        keyhaven::vault::Item item;
        item.name = u"stripe"_s;
        item.kind = keyhaven::vault::ItemKind::Jwt;
        item.baseUrls = { u"https://api.example.com"_s };
        item.expires = QDateTime::currentDateTimeUtc().addSecs(-3600);
        Request r;
        r.url = u"https://evil.example.net/x?access_token=abc&q=1"_s;
        r.insecureTls = true;
        QVERIFY(applyBinding(r, bindingFor(item), item.name, nullptr).has_value());
        QCOMPARE(r.headerValue("Authorization"), "Bearer \u2039item stripe\u203a"_ba);
        FindingContext ctx;
        ctx.item = item;
        QStringList got;
        for (const auto &f : requestFindings(r, ctx))
            got << f.id + u':' + f.severityName();
        QCOMPARE(got,
            (QStringList { u"key-in-url:warning"_s, u"credential-cross-origin:error"_s,
                u"token-expired:warning"_s, u"insecure-tls:warning"_s }));
        // The same origin (default port made explicit) is fine; --allow-origin widens it.
        r.url = u"https://API.example.com:443/v1"_s;
        r.insecureTls = false;
        item.expires = {};
        ctx.item = item;
        QVERIFY(requestFindings(r, ctx).isEmpty());
        r.url = u"http://other.example:8080/v1"_s;
        ctx.allowedOrigins = { u"http://other.example:8080"_s };
        got.clear();
        for (const auto &f : requestFindings(r, ctx))
            got << f.id + u':' + f.severityName();
        QCOMPARE(got, QStringList { u"credential-over-http:error"_s });
        // A vault secret in the query is found by value, whatever the parameter's name.
        Request plain;
        plain.url = u"http://127.0.0.1/x?q=s3cr%65t"_s;
        FindingContext byValue;
        byValue.secrets = { "s3cret"_ba };
        QCOMPARE(requestFindings(plain, byValue).value(0).id, u"key-in-url"_s);
    }

    void redirectDropsCredentials()
    {
        Request r;
        r.method = "POST";
        r.url = u"https://a.example/start"_s;
        r.body = "x=1";
        r.auth.kind = AuthBinding::Kind::ApiKey;
        r.auth.headerName = "X-Key";
        r.headers = { { "X-Key", "secret" }, { "Authorization", "Bearer t" }, { "Cookie", "s=1" },
            { "Accept", "*/*" } };
        QStringList notes;
        Request same = redirected(r, u"/next"_s, 307, &notes);
        QCOMPARE(same.url, u"https://a.example/next"_s);
        QCOMPARE(same.method, "POST"_ba);
        QCOMPARE(same.headers.size(), 4);
        QVERIFY(notes.isEmpty());
        Request other = redirected(r, u"https://b.example/x"_s, 302, &notes);
        QCOMPARE(other.method, "GET"_ba);
        QVERIFY(!other.body);
        QCOMPARE(other.headers, (Headers { { "Accept", "*/*" } }));
        QCOMPARE(notes.size(), 1);
        QVERIFY(!notes.first().contains(u"secret"_s));
        // Another port is another origin too.
        QVERIFY(!redirected(r, u"https://a.example:8443/"_s, 307, nullptr).hasHeader("X-Key"));
    }
};

QObject *makeDiagnosisTest() { return new DiagnosisTest; }

#include "tst_diagnosis.moc"
