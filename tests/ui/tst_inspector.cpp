// tests/ui/tst_inspector.cpp — the Token Inspector offscreen: paste → tree and findings, a
// tampered token, JWE, garbage, a 200 kB token parsed off the UI thread, keys from the vault and
// the Tokens panel's Inspect action against a real Vault and keychain.
#include "common/paths.h"
#include "jose/base64url.h"
#include "jose/jwk.h"
#include "jose/jwssigner.h"
#include "mainwindow.h"
#include "models/inspectionmodels.h"
#include "models/itemtablemodel.h"
#include "oauth/connectionmanager.h"
#include "panels/inspectorpanel.h"
#include "panels/itempanel.h"
#include "panels/lifetimebar.h"
#include "panels/tokenspanel.h"
#include "testsupport.h"
#include "uitests.h"
#include "vault/vault.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QHostAddress>
#include <QJsonDocument>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace Qt::StringLiterals;
using keyhaven::Clock;
using keyhaven::Result;
using keyhaven::SecretBytes;
using keyhaven::jose::Key;
using keyhaven::jose::SignOptions;
using keyhaven::ui::ClaimTreeModel;
using keyhaven::ui::FindingsModel;
using keyhaven::ui::InspectorPanel;
using keyhaven::ui::MainWindow;
using keyhaven::ui::TokensPanel;
using keyhaven::vault::Item;
using keyhaven::vault::ItemKind;
using keyhaven::vault::KeychainState;
using keyhaven::vault::Vault;

namespace {

constexpr qint64 kNow = 1'800'000'000;
const QByteArray kSecret = "inspector-widget-test-secret-0123456789"_ba;

QByteArray claims(const QByteArray &extra = {}, qint64 now = kNow)
{
    return "{\"sub\":\"user-7\",\"iss\":\"https://id.example.com\",\"aud\":\"api\",\"iat\":"_ba
        + QByteArray::number(now - 60) + ",\"exp\":"_ba + QByteArray::number(now + 14 * 60) + extra
        + "}"_ba;
}

QByteArray sign(const QByteArray &payload, const QJsonObject &header = {})
{
    SignOptions o;
    o.alg = u"HS256"_s;
    o.extraHeader = header;
    auto t = keyhaven::jose::signCompact(payload, Key::fromSecret(SecretBytes::copyOf(kSecret)), o);
    return t ? *t : QByteArray();
}

QString octJwk()
{
    return QString::fromUtf8(QJsonDocument(
        QJsonObject { { u"kty"_s, u"oct"_s },
            { u"k"_s, QString::fromLatin1(keyhaven::jose::base64url::encode(kSecret)) } })
                                 .toJson(QJsonDocument::Compact));
}

QStringList findingIds(const FindingsModel *m)
{
    QStringList ids;
    for (int r = 0; r < m->rowCount(); ++r)
        ids << m->index(r, 0).data(FindingsModel::IdRole).toString();
    return ids;
}

QString valueAt(const ClaimTreeModel *m, const QString &path)
{
    const QModelIndex i = m->indexOfPath(path);
    return i.isValid() ? i.siblingAtColumn(ClaimTreeModel::ValueColumn).data().toString()
                       : QString();
}

struct Fixture
{
    std::unique_ptr<InspectorPanel> panel;
    std::unique_ptr<QAbstractItemModelTester> claimTester, findingTester;
};

Fixture makePanel()
{
    Fixture f;
    f.panel = std::make_unique<InspectorPanel>(nullptr, nullptr, Clock::fixedEpoch(kNow));
    f.claimTester = std::make_unique<QAbstractItemModelTester>(
        f.panel->claimModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    f.findingTester = std::make_unique<QAbstractItemModelTester>(
        f.panel->findingsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    f.panel->resize(1100, 700);
    f.panel->show();
    return f;
}

} // namespace

class InspectorTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pasteShowsClaimsAndFindings()
    {
        Fixture f = makePanel();
        const QByteArray token =
            sign(claims(), QJsonObject { { u"jku"_s, u"https://evil.example/keys"_s } });
        QVERIFY(!token.isEmpty());
        f.panel->setToken(u"  Bearer "_s + QString::fromLatin1(token) + u"\n"_s);
        QVERIFY(!f.panel->busy());
        QCOMPARE(valueAt(f.panel->claimModel(), u"payload/sub"_s), u"user-7"_s);
        QCOMPARE(valueAt(f.panel->claimModel(), u"header/alg"_s), u"HS256"_s);
        // Claims in token order: sub, iss, aud, iat, exp.
        const QModelIndex payload = f.panel->claimModel()->indexOfPath(u"payload"_s);
        QCOMPARE(f.panel->claimModel()->rowCount(payload), 5);
        QCOMPARE(f.panel->claimModel()->index(1, 0, payload).data().toString(), u"iss"_s);
        const QModelIndex exp = f.panel->claimModel()->indexOfPath(u"payload/exp"_s);
        QVERIFY(exp.siblingAtColumn(ClaimTreeModel::MeaningColumn)
                    .data()
                    .toString()
                    .startsWith(u"expires in 14 min"_s));
        QVERIFY(exp.data(Qt::ToolTipRole).toString().contains(u"Expiration time"_s));
        QVERIFY(f.panel->tree()->isExpanded(payload));
        // Unverified: what the token says about itself is listed already.
        QVERIFY(findingIds(f.panel->findingsModel()).contains(u"jku-header"_s));
        const int row = int(findingIds(f.panel->findingsModel()).indexOf(u"jku-header"_s));
        QCOMPARE(
            f.panel->findingsModel()->index(row, FindingsModel::ReferenceColumn).data().toString(),
            u"RFC 8725 §3.10"_s);
        QVERIFY(f.panel->findingsModel()
                    ->index(row, 0)
                    .data(FindingsModel::UrlRole)
                    .toUrl()
                    .toString()
                    .contains(u"rfc8725#section-3.10"_s));
        QVERIFY(f.panel->summaryLabel()->text().contains(u"expires in 14 min"_s));
        QVERIFY(f.panel->verdictLabel()->text().contains(u"Not verified"_s));
        QVERIFY(!f.panel->errorLabel()->isVisibleTo(f.panel.get()));
        // Lifetime bar: iat → now → exp.
        QVERIFY(f.panel->lifetimeBar()->isVisibleTo(f.panel.get()));
        const auto markers = f.panel->lifetimeBar()->markers();
        QCOMPARE(markers.size(), 3);
        QCOMPARE(markers.at(0).label, u"iat"_s);
        QCOMPARE(markers.at(1).label, u"now"_s);
        QCOMPARE(markers.at(2).label, u"exp"_s);
        QVERIFY(markers.at(1).position > 0.0 && markers.at(1).position < 0.2);

        // Copy claims as JSON.
        auto *copy = f.panel->findChild<QPushButton *>(u"copyClaimsButton"_s);
        QVERIFY(copy->isEnabled());
        QTest::mouseClick(copy, Qt::LeftButton);
        const QJsonDocument doc =
            QJsonDocument::fromJson(QGuiApplication::clipboard()->text().toUtf8());
        QCOMPARE(doc.object().value(u"sub"_s).toString(), u"user-7"_s);
        QCOMPARE(doc.object().size(), 5);
    }

    void validThenTampered()
    {
        Fixture f = makePanel();
        const QByteArray token = sign(claims());
        f.panel->setPastedKey(octJwk());
        f.panel->setToken(QString::fromLatin1(token));
        QCOMPARE(f.panel->keySourceCombo()->currentIndex(), int(InspectorPanel::PastedKey));
        QVERIFY(f.panel->outcome().verified);
        QVERIFY(f.panel->outcome().verdict.valid);
        QVERIFY2(f.panel->verdictLabel()->text().contains(u"Valid"_s),
            qPrintable(f.panel->verdictLabel()->text()));

        // Change the subject, keep the signature.
        QList<QByteArray> parts = token.split('.');
        QByteArray payload = claims();
        payload.replace("user-7", "admin");
        parts[1] = keyhaven::jose::base64url::encode(payload);
        f.panel->setToken(QString::fromLatin1(parts.join('.')));
        QVERIFY(!f.panel->outcome().verdict.valid);
        QVERIFY(f.panel->verdictLabel()->text().contains(u"Invalid"_s));
        QVERIFY(findingIds(f.panel->findingsModel()).contains(u"signature-invalid"_s));
        QCOMPARE(valueAt(f.panel->claimModel(), u"payload/sub"_s), u"admin"_s);

        // Only RS256 allowed: the HS256 token is refused by policy, not by its own say-so.
        f.panel->setToken(QString::fromLatin1(token));
        f.panel->setAllowedAlgs(u"RS256"_s);
        QVERIFY(!f.panel->outcome().verdict.valid);
        QVERIFY(!findingIds(f.panel->findingsModel()).isEmpty());
    }

    void jweIsEncrypted()
    {
        Fixture f = makePanel();
        const QByteArray jwe =
            keyhaven::jose::base64url::encode("{\"alg\":\"dir\",\"enc\":\"A128GCM\"}"_ba)
            + "..aXY.Y2lwaGVy.dGFn"_ba;
        f.panel->setToken(QString::fromLatin1(jwe));
        QVERIFY(f.panel->summaryLabel()->text().contains(u"encrypted"_s, Qt::CaseInsensitive));
        QVERIFY(f.panel->verdictLabel()->text().contains(u"Encrypted"_s));
        QCOMPARE(valueAt(f.panel->claimModel(), u"header/enc"_s), u"A128GCM"_s);
        QVERIFY(!f.panel->findChild<QPushButton *>(u"copyClaimsButton"_s)->isEnabled());
    }

    // "From issuer…" goes online only when asked, and says clearly when it cannot: an issuer
    // that is neither HTTPS nor on this machine is refused before any request, a loopback port
    // where no one listens is a network error. (The happy path is in tst_ui_e2e against the real
    // OpenID provider.)
    void fromIssuerFailuresAreExplained()
    {
        Fixture f = makePanel();
        QSignalSpy fetched(f.panel.get(), &InspectorPanel::issuerKeysFetched);
        auto *button = f.panel->findChild<QPushButton *>(u"fromIssuerButton"_s);
        QVERIFY(button && !button->isEnabled()); // no connection manager: never online
        QNetworkAccessManager network;
        keyhaven::oauth::ConnectionManager connections(nullptr, &network);
        f.panel->setConnections(&connections);
        QVERIFY(button->isEnabled());
        f.panel->fetchIssuerKeys(u"http://issuer.example"_s);
        QTRY_COMPARE_WITH_TIMEOUT(fetched.size(), 1, 10000);
        QVERIFY(!fetched.at(0).at(0).toBool());
        QVERIFY2(f.panel->verdictLabel()->text().startsWith(
                     u"Could not get the keys of http://issuer.example:"_s),
            qPrintable(f.panel->verdictLabel()->text()));
        QVERIFY(button->isEnabled());

        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QString issuer = u"http://127.0.0.1:%1"_s.arg(closed.serverPort());
        closed.close(); // nobody listens there any more
        f.panel->fetchIssuerKeys(issuer);
        QTRY_COMPARE_WITH_TIMEOUT(fetched.size(), 2, 30000);
        QVERIFY(!fetched.at(1).at(0).toBool());
        QVERIFY(f.panel->verdictLabel()->text().startsWith(u"Could not get the keys of"_s));
        QCOMPARE(f.panel->keySourceCombo()->currentIndex(), int(InspectorPanel::NoKey));
    }

    void garbageGivesInlineError()
    {
        Fixture f = makePanel();
        for (const QString &junk : { u"not a token"_s, u"a.b"_s, u"!!!.???.###"_s,
                 u"eyJhbGciOiJIUzI1NiJ9.W10.c2ln"_s, QString(5000, u'.') }) {
            f.panel->setToken(junk);
            QVERIFY2(f.panel->errorLabel()->isVisibleTo(f.panel.get()), qPrintable(junk.left(40)));
            QVERIFY(!f.panel->errorLabel()->text().isEmpty());
            QVERIFY(!f.panel->findChild<QPushButton *>(u"copyClaimsButton"_s)->isEnabled());
        }
        f.panel->setToken(QString());
        QVERIFY(!f.panel->errorLabel()->isVisibleTo(f.panel.get()));
        QCOMPARE(f.panel->claimModel()->rowCount(), 0);
    }

    void largeTokenIsParsedOffThread()
    {
        Fixture f = makePanel();
        f.panel->setPastedKey(octJwk());
        // ~200 kB of claims (a large "groups" list, as some identity providers emit).
        QByteArray pad = ",\"pad\":\""_ba + QByteArray(150 * 1024, 'x') + "\""_ba;
        const QByteArray token = sign(claims(pad));
        QVERIFY(token.size() > 200 * 1000);
        QSignalSpy updated(f.panel.get(), &InspectorPanel::updated);
        QElapsedTimer t;
        t.start();
        f.panel->setToken(QString::fromLatin1(token));
        const qint64 blockedMs = t.elapsed();
        // setToken returned before the work was done: the result comes from the worker.
        QVERIFY(f.panel->busy());
        QVERIFY(f.panel->summaryLabel()->text().contains(u"kB token"_s));
        QVERIFY(updated.wait(10000));
        QVERIFY(!f.panel->busy());
        QCOMPARE(valueAt(f.panel->claimModel(), u"payload/sub"_s), u"user-7"_s);
        QVERIFY(f.panel->outcome().verdict.valid);
        qInfo("200 kB token: setToken returned after %lld ms", blockedMs);

        // A big token followed at once by a small one: the late worker result is dropped.
        f.panel->setToken(QString::fromLatin1(token));
        QVERIFY(f.panel->busy());
        f.panel->setToken(u"not a token"_s);
        QVERIFY(!f.panel->busy());
        QTest::qWait(300);
        QVERIFY(f.panel->errorLabel()->isVisibleTo(f.panel.get()));
        QCOMPARE(f.panel->claimModel()->rowCount(), 0);

        // Over 1 MiB: refused with a clear message.
        f.panel->setToken(QString(1024 * 1024 + 10, u'a'));
        QVERIFY(updated.wait(10000));
        QVERIFY(f.panel->errorLabel()->text().contains(u"1 MiB"_s));
    }

    void vaultKeyAndInspectAction()
    {
        const QString dir = keyhaven::test::freshDataDir();
        Result<Vault *> opened =
            Vault::open(dir + u"/inspector.sqlite"_s, keyhaven::paths::keychainService(), this);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        Vault *vault = *opened;
        vault->probeKeychain();
        QTRY_COMPARE_WITH_TIMEOUT(vault->keychainState(), KeychainState::Available, 10000);

        // The window runs on the system clock.
        const QByteArray token = sign(claims({}, QDateTime::currentSecsSinceEpoch()));
        const auto add = [&](ItemKind kind, const QString &name, const QByteArray &secret) {
            Item item;
            item.kind = kind;
            item.name = name;
            std::optional<Result<Item>> out;
            vault->addItem(item, SecretBytes::copyOf(secret), this,
                [&out](Result<Item> r) { out = std::move(r); });
            if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000) || !*out)
                return QUuid();
            return (*out)->id;
        };
        const QUuid keyId = add(ItemKind::ApiKey, u"Inspector HMAC key"_s, kSecret);
        const QUuid tokenId = add(ItemKind::Jwt, u"Inspector token"_s, token);
        QVERIFY(!keyId.isNull());
        QVERIFY(!tokenId.isNull());

        auto window = std::make_unique<MainWindow>(vault);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        InspectorPanel *inspector = window->inspector();
        QVERIFY(inspector);
        QAbstractItemModelTester claimTester(
            inspector->claimModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester findingTester(
            inspector->findingsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Tokens panel → Inspect: the token is read from the keychain into the inspector.
        auto *tokens = qobject_cast<TokensPanel *>(window->panel(ItemKind::Jwt));
        QVERIFY(tokens);
        window->setCurrentPanel(ItemKind::Jwt);
        QVERIFY(!tokens->inspectButton()->isEnabled());
        QVERIFY(tokens->selectItem(tokenId));
        QVERIFY(tokens->inspectButton()->isEnabled());
        QTest::mouseClick(tokens->inspectButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            inspector->input()->toPlainText(), QString::fromLatin1(token), 10000);
        QVERIFY(inspector->isVisible());
        QVERIFY(window->showPanel(u"inspector"_s));

        // A key from the vault: the API key item holding the HMAC secret.
        QComboBox *source = inspector->keySourceCombo();
        const int keyRow = source->findData(keyId);
        QVERIFY(keyRow >= int(InspectorPanel::VaultKey));
        source->setCurrentIndex(keyRow);
        // The item's secret is read asynchronously; the verdict follows.
        QTRY_VERIFY_WITH_TIMEOUT(inspector->outcome().verified, 10000);
        QVERIFY2(inspector->outcome().verdict.valid, qPrintable(inspector->verdictLabel()->text()));
        QVERIFY(inspector->verdictLabel()->text().contains(u"Valid"_s));
        window.reset();
        for (const QUuid &id : { keyId, tokenId }) {
            bool done = false;
            vault->removeItem(id, this, [&done](Result<void>) { done = true; });
            QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        }
    }
};

QObject *keyhaven::test::makeInspectorTest() { return new InspectorTest; }

#include "tst_inspector.moc"
