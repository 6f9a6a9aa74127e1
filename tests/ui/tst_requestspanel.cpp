// tests/ui/tst_requestspanel.cpp — the Requests and History panels offscreen against real parts:
// python3-httpbin on 127.0.0.1 (started here), a real Vault (SQLite file + gnome-keyring from
// ./dev test). Paste curl → editor → move the pasted key into the vault → bind a JWT item → send
// (200) → /status/403 diagnosed → history row, redacted (no secret byte in the SQLite files) →
// send again; cancel; a foreign origin blocked; a HAR imported off the UI thread; saved requests:
// a collection JSON imported with an environment, a {{base}} request bound and saved (no credential
// in the database), the window reopened, sent through the environment, exported and read back.
#include "common/paths.h"
#include "dialogs/harpickerdialog.h"
#include "mainwindow.h"
#include "models/collectionsmodel.h"
#include "models/historymodel.h"
#include "models/keyvaluemodel.h"
#include "oauth/connectionmanager.h"
#include "panels/connectionspanel.h"
#include "panels/historypanel.h"
#include "panels/requestspanel.h"
#include "replay/collections.h"
#include "testsupport.h"
#include "uitests.h"
#include "vault/vault.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using keyhaven::Result;
using keyhaven::SecretBytes;
using keyhaven::ui::CollectionsModel;
using keyhaven::ui::HarPickerDialog;
using keyhaven::ui::HistoryFilterProxyModel;
using keyhaven::ui::HistoryModel;
using keyhaven::ui::HistoryPanel;
using keyhaven::ui::KeyValueModel;
using keyhaven::ui::MainWindow;
using keyhaven::ui::RequestsPanel;
using keyhaven::vault::Item;
using keyhaven::vault::ItemKind;
using keyhaven::vault::KeychainState;
using keyhaven::vault::Vault;

namespace {

bool hasRow(const KeyValueModel *m, const QString &name)
{
    for (const KeyValueModel::Row &r : m->rows()) {
        if (r.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Every file of the store (the database and its WAL) as one byte string.
QByteArray storeBytes(const QString &databaseFile)
{
    QByteArray all;
    const QFileInfo db(databaseFile);
    for (const QFileInfo &f :
        QDir(db.absolutePath()).entryInfoList({ db.fileName() + u"*"_s }, QDir::Files)) {
        QFile file(f.absoluteFilePath());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Clicks the button with `text` (empty: Cancel) of the message box `name` the panel opened.
bool answerBox(QWidget *panel, const QString &name, const QString &text = {})
{
    QMessageBox *box = nullptr;
    if (!QTest::qWaitFor(
            [&] { return (box = panel->findChild<QMessageBox *>(name)) && box->isVisible(); },
            5000))
        return false;
    if (text.isEmpty()) {
        box->button(QMessageBox::Cancel)->click();
        return true;
    }
    for (QAbstractButton *b : box->buttons()) {
        if (b->text() == text) {
            b->click();
            return true;
        }
    }
    return false;
}

} // namespace

class RequestsPanelTest : public QObject
{
    Q_OBJECT
    QProcess m_httpbin;
    QString m_origin;
    QProcess m_otherHttpbin; // a second origin (names like "localhost" need not resolve)
    QString m_otherOrigin;
    Vault *m_vault = nullptr;
    QByteArray m_jwt;
    const QByteArray m_pastedKey = "pk-" + QUuid::createUuid().toRfc4122().toHex();

    bool addItem(const Item &item, const QByteArray &secret)
    {
        std::optional<Result<Item>> out;
        m_vault->addItem(item, SecretBytes::copyOf(secret), this,
            [&out](Result<Item> r) { out = std::move(r); });
        return QTest::qWaitFor([&] { return out.has_value(); }, 10000) && out->has_value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_origin = keyhaven::test::startHttpbin(m_httpbin);
        QVERIFY2(!m_origin.isEmpty(), "python3-httpbin (./dev deps) did not start");
        m_otherOrigin = keyhaven::test::startHttpbin(m_otherHttpbin);
        QVERIFY2(!m_otherOrigin.isEmpty(), "the second python3-httpbin did not start");
        const QString dir = keyhaven::test::freshDataDir();
        Result<Vault *> opened =
            Vault::open(dir + u"/requests.sqlite"_s, keyhaven::paths::keychainService(), this);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        m_vault = *opened;
        m_vault->probeKeychain();
        QTRY_COMPARE_WITH_TIMEOUT(m_vault->keychainState(), KeychainState::Available, 10000);
        const QByteArray payload = "{\"sub\":\"ui-replay\",\"exp\":4102444800}";
        m_jwt = "eyJhbGciOiJIUzI1NiJ9."
            + payload.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
            + ".c2ln" + QUuid::createUuid().toRfc4122().toHex();
        Item jwt;
        jwt.kind = ItemKind::Jwt;
        jwt.name = u"httpbin token"_s;
        jwt.baseUrls = { m_origin };
        QVERIFY(addItem(jwt, m_jwt));
    }

    void cleanupTestCase()
    {
        m_httpbin.kill();
        m_httpbin.waitForFinished(5000);
        m_otherHttpbin.kill();
        m_otherHttpbin.waitForFinished(5000);
    }

    void modelsUnderTester()
    {
        HistoryModel model;
        HistoryFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<keyhaven::replay::HistoryEntry> rows;
        for (int i = 0; i < 3; ++i) {
            keyhaven::replay::HistoryEntry e;
            e.id = i + 1;
            e.at = QDateTime::currentDateTimeUtc();
            e.method = "GET";
            e.url = u"https://api.example.com/v1/%1"_s.arg(i);
            e.status = i == 1 ? 403 : 200;
            e.item = i == 2 ? u"Stripe"_s : QString();
            if (i == 1)
                e.diagnosis = { { u"forbidden"_s, u"403: not allowed"_s } };
            rows.append(e);
        }
        model.setEntries(rows);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setSearchText(u"403"_s);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setSearchText(u"stripe v1"_s);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setSearchText(u"nothing-like-this"_s);
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setSearchText({});
        proxy.sort(HistoryModel::StatusColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, HistoryModel::StatusColumn).data().toString(), u"403"_s);

        KeyValueModel kv(u"Header"_s, true);
        QAbstractItemModelTester t3(&kv, QAbstractItemModelTester::FailureReportingMode::QtTest);
        kv.setRows({ { u"A"_s, u"1"_s }, { u"A"_s, u"2"_s } });
        const int r = kv.appendRow();
        QVERIFY(kv.setData(kv.index(r, KeyValueModel::NameColumn), u"B"_s));
        QCOMPARE(kv.rows().size(), 3);
        kv.removeRowAt(0);
        QCOMPARE(kv.rows().first().second, u"2"_s);
        KeyValueModel readOnly(u"Header"_s, false);
        readOnly.setRows({ { u"A"_s, u"1"_s } });
        QVERIFY(!readOnly.setData(readOnly.index(0, 1), u"x"_s));
    }

    void pasteBindSendDiagnoseRecord()
    {
        auto window = std::make_unique<MainWindow>(m_vault);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QVERIFY(window->showPanel(u"requests"_s));
        RequestsPanel *panel = window->requests();
        QVERIFY(panel);

        // Paste: the editor is filled, the pasted key is found and offered for the vault.
        QVERIFY(panel->importCurl(
            u"curl '%1/bearer?page=2' -H 'Accept: application/json' "
            "-H 'X-Api-Key: %2' --compressed"_s.arg(m_origin, QString::fromLatin1(m_pastedKey))));
        QCOMPARE(panel->methodCombo()->currentText(), u"GET"_s);
        QCOMPARE(panel->urlEdit()->text(), m_origin + u"/bearer?page=2"_s);
        QCOMPARE(panel->queryModel()->rows(),
            QList<KeyValueModel::Row> { KeyValueModel::Row(u"page"_s, u"2"_s) });
        QVERIFY(hasRow(panel->headersModel(), u"Accept"_s));
        QVERIFY(hasRow(panel->headersModel(), u"X-Api-Key"_s));
        QVERIFY(panel->credentialBar()->isVisibleTo(panel));
        QVERIFY(panel->credentialLabel()->text().contains(u"X-Api-Key"_s));
        QVERIFY(panel->moveCredentialButton()->isEnabled());

        // Move it: a new API key item; the request keeps only the reference (the binding).
        panel->credentialNameEdit()->setText(u"pasted httpbin key"_s);
        QSignalSpy moved(panel, &RequestsPanel::credentialMoved);
        QTest::mouseClick(panel->moveCredentialButton(), Qt::LeftButton);
        QVERIFY(moved.wait(10000));
        QVERIFY(!hasRow(panel->headersModel(), u"X-Api-Key"_s));
        QVERIFY(!panel->credentialBar()->isVisibleTo(panel));
        const std::optional<Item> movedItem = m_vault->find(u"pasted httpbin key"_s);
        QVERIFY(movedItem.has_value());
        QCOMPARE(movedItem->kind, ItemKind::ApiKey);
        QCOMPARE(movedItem->headerName, u"X-Api-Key"_s);
        QCOMPARE(movedItem->baseUrls, QStringList { m_origin });
        std::optional<QByteArray> stored;
        m_vault->readSecret(movedItem->id, movedItem->primaryField(), this,
            [&stored](Result<SecretBytes> s) { stored = s ? s->bytes() : QByteArray(); });
        QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 10000);
        QCOMPARE(*stored, m_pastedKey);
        QCOMPARE(panel->itemCombo()->currentData().toString(), u"pasted httpbin key"_s);
        QCOMPARE(panel->currentRequest().auth.headerName, "X-Api-Key"_ba);

        // Bind the JWT item instead and send to /bearer: 200.
        QVERIFY(panel->bindItem(u"httpbin token"_s));
        QCOMPARE(panel->placementCombo()->currentData().toString(), u"bearer"_s);
        QVERIFY(panel->findings().isEmpty());
        QVERIFY(panel->sendButton()->isEnabled());
        QSignalSpy exchanged(panel, &RequestsPanel::exchanged);
        QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
        QVERIFY(exchanged.wait(15000));
        QVERIFY2(panel->statusLabel()->text().startsWith(u"200"_s),
            qPrintable(panel->statusLabel()->text()));
        QVERIFY(panel->metaLabel()->text().contains(u"ms to first byte"_s));
        const QJsonObject body =
            QJsonDocument::fromJson(panel->responseBody()->toPlainText().toUtf8()).object();
        QCOMPARE(body[u"authenticated"_s].toBool(), true);
        QVERIFY(panel->responseBody()->toPlainText().contains(u"\n    \""_s)); // pretty-printed
        QVERIFY(hasRow(panel->responseHeadersModel(), u"Content-Type"_s));
        QVERIFY(!panel->diagnosisLabel()->isVisibleTo(panel));

        // /status/403: diagnosed.
        panel->urlEdit()->setText(m_origin + u"/status/403"_s);
        QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
        QVERIFY(exchanged.wait(15000));
        QVERIFY2(panel->statusLabel()->text().startsWith(u"403"_s),
            qPrintable(panel->statusLabel()->text()));
        QVERIFY(panel->diagnosisLabel()->isVisibleTo(panel));
        QVERIFY2(panel->diagnosisLabel()->text().startsWith(u"403"_s),
            qPrintable(panel->diagnosisLabel()->text()));

        // The History panel got both rows, redacted; the store holds no secret byte.
        HistoryPanel *history = window->history();
        QAbstractItemModelTester tester(
            history->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(history->model()->rowCount(), 2);
        const keyhaven::replay::HistoryEntry *newest = history->model()->entryAt(0);
        QCOMPARE(newest->status, 403);
        QCOMPARE(newest->item, u"httpbin token"_s);
        QVERIFY(!newest->diagnosis.isEmpty());
        bool placeholderShown = false;
        for (const auto &h : newest->requestHeaders)
            placeholderShown |= h.second == "Bearer \u2039item httpbin token\u203a"_ba;
        QVERIFY(placeholderShown);
        history->searchEdit()->setText(u"403"_s);
        QCOMPARE(history->proxy()->rowCount(), 1);
        history->view()->selectRow(0);
        QVERIFY(history->details()->toPlainText().contains(u"\u2039item httpbin token\u203a"_s));
        const QByteArray store = storeBytes(m_vault->databaseFile());
        QVERIFY(store.contains("/status/403")); // the history is in these files
        QVERIFY(!store.contains(m_jwt));
        QVERIFY(!store.contains(m_pastedKey));

        // Send again: the row goes back into the editor with its binding; sent, 403 again.
        panel->urlEdit()->clear();
        QVERIFY(history->sendAgainButton()->isEnabled());
        QTest::mouseClick(history->sendAgainButton(), Qt::LeftButton);
        QCOMPARE(panel->urlEdit()->text(), m_origin + u"/status/403"_s);
        QCOMPARE(panel->itemCombo()->currentData().toString(), u"httpbin token"_s);
        QVERIFY(window->showPanel(u"requests"_s));
        QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
        QVERIFY(exchanged.wait(15000));
        QVERIFY(panel->statusLabel()->text().startsWith(u"403"_s));
        history->searchEdit()->clear();
        QCOMPARE(history->model()->rowCount(), 3);
    }

    void queryKeyAndCookieMoveIntoTheVault()
    {
        auto window = std::make_unique<MainWindow>(m_vault);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QVERIFY(window->showPanel(u"requests"_s));
        RequestsPanel *panel = window->requests();
        QSignalSpy moved(panel, &RequestsPanel::credentialMoved);
        QSignalSpy exchanged(panel, &RequestsPanel::exchanged);
        const QByteArray queryKey = "qk-" + QUuid::createUuid().toRfc4122().toHex();
        const QByteArray session = "sess-" + QUuid::createUuid().toRfc4122().toHex();

        // A key in the query: offered, moved, and put back as a query parameter at send time.
        QVERIFY(panel->importCurl(
            u"curl '%1/get?x=1&api_key=%2'"_s.arg(m_origin, QString::fromLatin1(queryKey))));
        QVERIFY(panel->credentialBar()->isVisibleTo(panel));
        QVERIFY2(panel->credentialLabel()->text().contains(u"api_key"_s),
            qPrintable(panel->credentialLabel()->text()));
        panel->credentialNameEdit()->setText(u"query key"_s);
        QTest::mouseClick(panel->moveCredentialButton(), Qt::LeftButton);
        QVERIFY(moved.wait(10000));
        QCOMPARE(panel->urlEdit()->text(), m_origin + u"/get?x=1"_s);
        QCOMPARE(panel->itemCombo()->currentData().toString(), u"query key"_s);
        QCOMPARE(panel->placementCombo()->currentData().toString(), u"query"_s);
        QCOMPARE(panel->currentRequest().auth.headerName, "api_key"_ba);
        QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
        QVERIFY(exchanged.wait(15000));
        QVERIFY2(panel->statusLabel()->text().startsWith(u"200"_s),
            qPrintable(panel->statusLabel()->text()));
        const QJsonObject args =
            QJsonDocument::fromJson(panel->responseBody()->toPlainText().toUtf8())
                .object()[u"args"_s]
                .toObject();
        QCOMPARE(args[u"api_key"_s].toString().toUtf8(), queryKey);
        QCOMPARE(args[u"x"_s].toString(), u"1"_s);

        // A session cookie beside another cookie: only the session cookie moves.
        QVERIFY(panel->importCurl(u"curl '%1/cookies' -b 'theme=dark; sessionid=%2'"_s.arg(
            m_origin, QString::fromLatin1(session))));
        QVERIFY2(panel->credentialLabel()->text().contains(u"sessionid"_s),
            qPrintable(panel->credentialLabel()->text()));
        panel->credentialNameEdit()->setText(u"session cookie"_s);
        QTest::mouseClick(panel->moveCredentialButton(), Qt::LeftButton);
        QVERIFY(moved.wait(10000));
        QCOMPARE(panel->placementCombo()->currentData().toString(), u"cookie"_s);
        QCOMPARE(panel->currentRequest().headerValue("Cookie"), "theme=dark"_ba);
        QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
        QVERIFY(exchanged.wait(15000));
        const QJsonObject cookies =
            QJsonDocument::fromJson(panel->responseBody()->toPlainText().toUtf8())
                .object()[u"cookies"_s]
                .toObject();
        QCOMPARE(cookies[u"sessionid"_s].toString().toUtf8(), session);
        QCOMPARE(cookies[u"theme"_s].toString(), u"dark"_s);

        // Send again from the History: the cookie binding comes back.
        HistoryPanel *history = window->history();
        QVERIFY(window->showPanel(u"history"_s));
        history->view()->selectRow(0);
        QTest::mouseClick(history->sendAgainButton(), Qt::LeftButton);
        QCOMPARE(panel->itemCombo()->currentData().toString(), u"session cookie"_s);
        QCOMPARE(panel->placementCombo()->currentData().toString(), u"cookie"_s);
        QCOMPARE(panel->currentRequest().headerValue("Cookie"), "theme=dark"_ba);

        const QByteArray store = storeBytes(m_vault->databaseFile());
        QVERIFY(!store.contains(queryKey));
        QVERIFY(!store.contains(session));
    }

    void oauthSendUsesTheWindowsConnectionManager()
    {
        // A connection with a stored access token valid for an hour (no login needed here).
        Item conn;
        conn.kind = ItemKind::OAuth;
        conn.name = u"panel oauth"_s;
        conn.issuerUrl = u"http://127.0.0.1:9"_s; // nothing listens: a refresh cannot succeed
        conn.clientId = u"panel-client"_s;
        conn.baseUrls = { m_origin };
        conn.accessTokenExpires = QDateTime::currentDateTimeUtc().addSecs(3600);
        std::optional<Result<Item>> added;
        m_vault->addItem(conn, SecretBytes(), this, [&added](Result<Item> r) { added = r; });
        QTRY_VERIFY_WITH_TIMEOUT(added.has_value(), 10000);
        QVERIFY2(*added, qPrintable(added->has_value() ? QString() : added->error().message));
        const QByteArray token = "at-" + QUuid::createUuid().toRfc4122().toHex();
        std::optional<Result<void>> written;
        m_vault->writeSecret((*added)->id, QString::fromUtf16(keyhaven::vault::field::kAccessToken),
            SecretBytes::copyOf(token), this, [&written](Result<void> r) { written = r; });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 10000);
        QVERIFY(written->has_value());

        auto window = std::make_unique<MainWindow>(m_vault);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        // One manager, shared by the Connections panel and the Requests panel's sends.
        keyhaven::oauth::ConnectionManager *shared = window->connections();
        QVERIFY(shared);
        auto *connections =
            qobject_cast<keyhaven::ui::ConnectionsPanel *>(window->panel(ItemKind::OAuth));
        QVERIFY(connections);
        QCOMPARE(connections->manager(), shared);

        RequestsPanel *panel = window->requests();
        panel->loadRequest({});
        panel->urlEdit()->setText(m_origin + u"/headers"_s);
        QVERIFY(panel->bindItem(u"panel oauth"_s));
        QVERIFY2(!keyhaven::jose::hasError(panel->findings()),
            qPrintable(panel->findingsLabel()->text()));
        QSignalSpy exchanged(panel, &RequestsPanel::exchanged);
        QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(exchanged.count(), 1, 15000);
        QVERIFY2(panel->statusLabel()->text().startsWith(u"200"_s),
            qPrintable(panel->statusLabel()->text()));
        QVERIFY(panel->responseBody()->toPlainText().contains(
            u"Bearer "_s + QString::fromLatin1(token)));

        // The same manager decides: with its clock two hours on, the token is due for a refresh,
        // which cannot reach the issuer, so nothing is sent and the panel says why.
        shared->setClock(
            keyhaven::Clock([] { return QDateTime::currentDateTimeUtc().addSecs(2 * 3600); }));
        QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(exchanged.count(), 2, 60000);
        QVERIFY2(panel->statusLabel()->text().startsWith(
                     RequestsPanel::tr("No answer: %1").arg(QString())),
            qPrintable(panel->statusLabel()->text()));
        QVERIFY(panel->responseBody()->toPlainText().isEmpty());
        QCOMPARE(shared->refreshRequests(), 0); // no token endpoint was ever reached

        window.reset();
        bool removed = false;
        m_vault->removeItem((*added)->id, this, [&removed](Result<void>) { removed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 10000);
    }

    void cancelAndForeignOrigin()
    {
        auto window = std::make_unique<MainWindow>(m_vault);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        RequestsPanel *panel = window->requests();
        QVERIFY(panel->importCurl(u"curl %1/delay/10"_s.arg(m_origin)));
        QVERIFY(!panel->credentialBar()->isVisibleTo(panel));
        QSignalSpy exchanged(panel, &RequestsPanel::exchanged);
        QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
        QTRY_VERIFY(panel->cancelButton()->isEnabled());
        QVERIFY(!panel->sendButton()->isEnabled());
        QTest::qWait(200);
        QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
        // The abort finishes the reply at once: the signal may already be in.
        QTRY_COMPARE_WITH_TIMEOUT(exchanged.count(), 1, 3000);
        QCOMPARE(panel->statusLabel()->text(), RequestsPanel::tr("Cancelled."));
        QVERIFY(!panel->cancelButton()->isEnabled());

        // The token's origin is the first httpbin; the second one is another origin (rule 7).
        const QString foreign = m_otherOrigin;
        QVERIFY(panel->importCurl(u"curl %1/headers -k"_s.arg(foreign)));
        QVERIFY(panel->bindItem(u"httpbin token"_s));
        QStringList ids;
        for (const auto &f : panel->findings())
            ids.append(f.id);
        QVERIFY2(ids.contains(u"credential-cross-origin"_s), qPrintable(ids.join(u',')));
        QVERIFY(ids.contains(u"insecure-tls"_s));
        QVERIFY(panel->findingsLabel()->isVisibleTo(panel));
        QVERIFY(panel->findingsLabel()->text().contains(u"credential-cross-origin"_s));
        QVERIFY(!panel->sendButton()->isEnabled());
        QVERIFY(panel->allowOriginBox()->isVisibleTo(panel));
        panel->allowOriginBox()->setChecked(true); // for this request only
        QVERIFY(panel->sendButton()->isEnabled());
        QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(exchanged.count(), 2, 15000);
        QVERIFY2(panel->statusLabel()->text().startsWith(u"200"_s),
            qPrintable(panel->statusLabel()->text()));
        QVERIFY(panel->responseBody()->toPlainText().contains(QString::fromLatin1(m_jwt)));
    }

    void collectionsModelUnderTester()
    {
        using keyhaven::replay::Collection;
        CollectionsModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Collection a { u"alpha"_s, {}, {}, {} };
        a.requests.append({ u"list"_s, {} });
        a.requests.last().request.url = u"{{base}}/v1/items"_s;
        a.requests.append({ u"create"_s, {} });
        a.requests.last().request.method = "POST";
        a.requests.last().request.url = u"{{base}}/v1/items"_s;
        const Collection b { u"beta"_s, {}, {}, {} };
        model.setCollections({ a, b });
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex alpha = model.indexOf(u"alpha"_s);
        QCOMPARE(model.rowCount(alpha), 2);
        QCOMPARE(model.rowCount(model.indexOf(u"beta"_s)), 0);
        const QModelIndex create = model.indexOf(u"alpha"_s, u"create"_s);
        QCOMPARE(create.parent(), alpha);
        QCOMPARE(create.row(), 1);
        QCOMPARE(create.data().toString(), u"create"_s);
        QCOMPARE(create.data(Qt::ToolTipRole).toString(), u"POST {{base}}/v1/items"_s);
        QCOMPARE(create.data(CollectionsModel::CollectionRole).toString(), u"alpha"_s);
        QCOMPARE(model.requestAt(create)->name, u"create"_s);
        QVERIFY(!model.requestAt(alpha));
        QCOMPARE(model.collectionAt(create)->name, u"alpha"_s);
        QVERIFY(!model.indexOf(u"alpha"_s, u"nothing"_s).isValid());
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Saved requests"_s);
        model.setCollections({ b });
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(!model.indexOf(u"alpha"_s).isValid());
    }

    void savedTreeFollowsTheCliWhenShown()
    {
        auto window = std::make_unique<MainWindow>(m_vault);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QVERIFY(window->showPanel(u"requests"_s));
        RequestsPanel *panel = window->requests();
        QVERIFY(!panel->savedModel()->indexOf(u"From the CLI"_s).isValid());
        // What `keyhaven-cli requests save` does: the same table, another connection.
        {
            auto store = keyhaven::replay::Collections::open(m_vault->databaseFile());
            QVERIFY(store.has_value());
            keyhaven::replay::SavedRequest r;
            r.name = u"ping"_s;
            r.request.url = m_origin + u"/get"_s;
            QVERIFY((*store)->saveRequest(u"From the CLI"_s, r).has_value());
        }
        QVERIFY(window->showPanel(u"history"_s));
        QVERIFY(window->showPanel(u"requests"_s));
        QVERIFY(panel->savedModel()->indexOf(u"From the CLI"_s, u"ping"_s).isValid());
        // The collection's CA file goes with its requests, variables or not.
        {
            auto store = keyhaven::replay::Collections::open(m_vault->databaseFile());
            QVERIFY(store.has_value());
            auto c = (*store)->get(u"From the CLI"_s);
            QVERIFY(c.has_value());
            c->caFile = u"/etc/ssl/certs/ca-certificates.crt"_s;
            QVERIFY((*store)->put(*c).has_value());
        }
        panel->reloadSaved();
        QVERIFY(panel->loadSaved(u"From the CLI"_s, u"ping"_s));
        const auto toSend = panel->requestToSend();
        QVERIFY(toSend.has_value());
        QCOMPARE(toSend->caFile, u"/etc/ssl/certs/ca-certificates.crt"_s);
        QCOMPARE(toSend->url, m_origin + u"/get"_s);
        QVERIFY(panel->removeSaved(u"From the CLI"_s));
    }

    void savedRequestsAndEnvironments()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const int historyBefore = [this] {
            MainWindow w(m_vault);
            return w.history()->model()->rowCount();
        }();

        // A collection from git: an environment, no request yet.
        const QString shared = dir.filePath(u"httpbin.json"_s);
        const QJsonObject collection {
            { u"format"_s, u"keyhaven-collection"_s },
            { u"version"_s, 1 },
            { u"name"_s, u"httpbin"_s },
            { u"environments"_s,
                QJsonArray { QJsonObject { { u"name"_s, u"local"_s },
                    { u"variables"_s, QJsonObject { { u"base"_s, m_origin } } } } } },
            { u"requests"_s, QJsonArray {} },
        };
        QVERIFY(writeFile(shared, QJsonDocument(collection).toJson()));

        auto window = std::make_unique<MainWindow>(m_vault);
        window->show();
        window->activateWindow(); // for the shortcuts
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QVERIFY(window->showPanel(u"requests"_s));
        RequestsPanel *panel = window->requests();
        CollectionsModel *saved = panel->savedModel();
        QAbstractItemModelTester tester(
            saved, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(saved->rowCount(), 0);
        QVERIFY(panel->saveButton()->isEnabled());

        // Bad input: a clear error, nothing stored.
        const QString junk = dir.filePath(u"junk.json"_s);
        QVERIFY(writeFile(junk, "{\"format\": \"something else\"}"));
        QVERIFY(!panel->importCollectionFile(junk));
        QVERIFY2(panel->statusLabel()->text().contains(u"Not a Keyhaven collection"_s),
            qPrintable(panel->statusLabel()->text()));
        QVERIFY(!panel->importCollectionFile(dir.filePath(u"missing.json"_s)));
        QCOMPARE(saved->rowCount(), 0);

        QVERIFY(panel->importCollectionFile(shared));
        QCOMPARE(saved->rowCount(), 1);
        QCOMPARE(panel->currentCollection(), u"httpbin"_s);
        QCOMPARE(panel->environmentCombo()->count(), 2); // "No environment" + local
        QCOMPARE(panel->environmentCombo()->itemData(1).toString(), u"local"_s);

        // A request with {{base}}, bound to the JWT item; no environment chosen: nothing is sent.
        panel->loadRequest({});
        QTest::keyClicks(panel->urlEdit(), u"{{base}}/bearer"_s);
        QVERIFY(panel->bindItem(u"httpbin token"_s));
        QVERIFY2(panel->findingsLabel()->text().contains(u"{{base}}"_s),
            qPrintable(panel->findingsLabel()->text()));
        QSignalSpy exchanged(panel, &RequestsPanel::exchanged);
        QVERIFY(panel->sendButton()->isEnabled());
        QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
        QVERIFY2(panel->statusLabel()->text().startsWith(
                     RequestsPanel::tr("Not sent: %1").arg(u"Pick an environment"_s)),
            qPrintable(panel->statusLabel()->text()));
        QTest::qWait(300);
        QCOMPARE(exchanged.count(), 0);
        QVERIFY(!panel->isSending());

        // A stale Authorization header: the binding writes that header, so it is not saved.
        const QByteArray stale = "Bearer stale-" + QUuid::createUuid().toRfc4122().toHex();
        panel->headersModel()->setRows({ { u"Accept"_s, u"application/json"_s },
            { u"Authorization"_s, QString::fromLatin1(stale) } });

        // Save through the dialog (Ctrl+S): the collection is pre-filled.
        panel->urlEdit()->setFocus();
        QTest::keyClick(panel->urlEdit(), Qt::Key_S, Qt::ControlModifier);
        QDialog *dialog = nullptr;
        QTRY_VERIFY(
            (dialog = panel->findChild<QDialog *>(u"saveRequestDialog"_s)) && dialog->isVisible());
        auto *collectionBox = dialog->findChild<QComboBox *>(u"saveCollection"_s);
        QCOMPARE(collectionBox->currentText(), u"httpbin"_s);
        dialog->findChild<QLineEdit *>(u"saveName"_s)->setText(u"whoami"_s);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QTRY_VERIFY(!panel->findChild<QDialog *>(u"saveRequestDialog"_s));
        QCOMPARE(saved->rowCount(saved->indexOf(u"httpbin"_s)), 1);
        const QModelIndex whoami = saved->indexOf(u"httpbin"_s, u"whoami"_s);
        QVERIFY(whoami.isValid());
        QCOMPARE(whoami.data(Qt::ToolTipRole).toString(), u"GET {{base}}/bearer"_s);
        QCOMPARE(panel->savedView()->currentIndex(), whoami);
        QCOMPARE(panel->loadedName(), u"whoami"_s);
        const keyhaven::replay::SavedRequest *stored = saved->requestAt(whoami);
        QCOMPARE(stored->request.auth.item, u"httpbin token"_s);
        QVERIFY(!stored->request.hasHeader("Authorization"));
        QCOMPARE(stored->request.headerValue("Accept"), "application/json"_ba);
        QByteArray store = storeBytes(m_vault->databaseFile());
        QVERIFY(store.contains("{{base}}/bearer")); // the collection is in these files
        QVERIFY(!store.contains(m_jwt));
        QVERIFY(!store.contains(stale.mid(7)));

        // A pasted credential still in the request: refused, shown, the editor kept as it was.
        const QByteArray pasted = "pk-" + QUuid::createUuid().toRfc4122().toHex();
        QVERIFY(panel->importCurl(u"curl '%1/headers' -H 'Authorization: Bearer %2'"_s.arg(
            m_origin, QString::fromLatin1(pasted))));
        QVERIFY(panel->loadedName().isEmpty());
        QVERIFY(!panel->saveRequestAs(u"httpbin"_s, u"pasted"_s));
        QVERIFY2(panel->statusLabel()->text().contains(u"carries a credential"_s),
            qPrintable(panel->statusLabel()->text()));
        QVERIFY(panel->statusLabel()->isVisibleTo(panel));
        QVERIFY(hasRow(panel->headersModel(), u"Authorization"_s));
        QCOMPARE(panel->urlEdit()->text(), m_origin + u"/headers"_s);
        QVERIFY(panel->credentialBar()->isVisibleTo(panel)); // the way out is still offered
        QVERIFY(!saved->indexOf(u"httpbin"_s, u"pasted"_s).isValid());
        QVERIFY(!storeBytes(m_vault->databaseFile()).contains(pasted));
        // The dialog shows it too, and stays open.
        QTest::mouseClick(panel->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(
            (dialog = panel->findChild<QDialog *>(u"saveRequestDialog"_s)) && dialog->isVisible());
        dialog->findChild<QLineEdit *>(u"saveName"_s)->setText(u"pasted"_s);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->findChild<QLabel *>(u"saveError"_s)
                    ->text()
                    .contains(u"carries a credential"_s));
        dialog->reject();

        // Reopen the window: the saved request is still there; load it, choose the environment.
        window.reset();
        window = std::make_unique<MainWindow>(m_vault);
        window->show();
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QVERIFY(window->showPanel(u"requests"_s));
        panel = window->requests();
        saved = panel->savedModel();
        QCOMPARE(saved->rowCount(), 1);
        const QModelIndex again = saved->indexOf(u"httpbin"_s, u"whoami"_s);
        QVERIFY(again.isValid());
        panel->savedView()->setCurrentIndex(again);
        QCOMPARE(panel->loadedCollection(), u"httpbin"_s);
        QCOMPARE(panel->urlEdit()->text(), u"{{base}}/bearer"_s);
        QCOMPARE(panel->itemCombo()->currentData().toString(), u"httpbin token"_s);
        QVERIFY(!hasRow(panel->headersModel(), u"Authorization"_s));
        QComboBox *environment = panel->environmentCombo();
        environment->setCurrentIndex(environment->findData(u"local"_s));
        QVERIFY2(panel->findings().isEmpty(), qPrintable(panel->findingsLabel()->text()));
        QVERIFY(panel->sendButton()->isEnabled());
        QSignalSpy sent(panel, &RequestsPanel::exchanged);
        QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
        QVERIFY(sent.wait(15000));
        QVERIFY2(panel->statusLabel()->text().startsWith(u"200"_s),
            qPrintable(panel->statusLabel()->text()));
        QCOMPARE(QJsonDocument::fromJson(panel->responseBody()->toPlainText().toUtf8())
                     .object()[u"authenticated"_s]
                     .toBool(),
            true);
        QCOMPARE(window->history()->model()->rowCount(), historyBefore + 1);
        QCOMPARE(window->history()->model()->entryAt(0)->url, m_origin + u"/bearer"_s);
        QCOMPARE(panel->urlEdit()->text(), u"{{base}}/bearer"_s); // the editor keeps {{base}}

        // A variable the environment has no value for: the error, nothing sent.
        panel->urlEdit()->clear();
        QTest::keyClicks(panel->urlEdit(), u"{{base}}/{{what}}"_s);
        QVERIFY(panel->findingsLabel()->text().contains(u"has no value for {{what}}"_s));
        QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
        QVERIFY2(panel->statusLabel()->text().contains(u"has no value for {{what}}"_s),
            qPrintable(panel->statusLabel()->text()));
        QTest::qWait(300);
        QCOMPARE(sent.count(), 1);
        QCOMPARE(window->history()->model()->rowCount(), historyBefore + 1);

        // Environments refuse a secret-looking variable; the stored one is unchanged.
        keyhaven::replay::Environment leaky { u"local"_s,
            { { u"base"_s, m_origin }, { u"api_token"_s, u"t0ken"_s } } };
        QVERIFY(!panel->saveEnvironment(u"httpbin"_s, leaky));
        QVERIFY2(panel->statusLabel()->text().contains(u"looks like a secret"_s),
            qPrintable(panel->statusLabel()->text()));
        QCOMPARE(saved->collection(u"httpbin"_s)->environment(u"local"_s)->variables.size(), 1);
        QVERIFY(!storeBytes(m_vault->databaseFile()).contains("t0ken"));
        // The editor dialog: the chosen environment, one more variable; then it sends.
        QVERIFY(panel->editEnvironmentButton()->isEnabled());
        QTest::mouseClick(panel->editEnvironmentButton(), Qt::LeftButton);
        QDialog *envDialog = nullptr;
        QTRY_VERIFY((envDialog = panel->findChild<QDialog *>(u"environmentDialog"_s))
            && envDialog->isVisible());
        QCOMPARE(envDialog->findChild<QLineEdit *>(u"environmentName"_s)->text(), u"local"_s);
        auto *variables = qobject_cast<KeyValueModel *>(
            envDialog->findChild<QTableView *>(u"environmentVariables"_s)->model());
        QCOMPARE(variables->rows().size(), 1);
        const int row = variables->appendRow();
        QVERIFY(variables->setData(variables->index(row, KeyValueModel::NameColumn), u"what"_s));
        QVERIFY(variables->setData(variables->index(row, KeyValueModel::ValueColumn), u"bearer"_s));
        envDialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QTRY_VERIFY(!panel->findChild<QDialog *>(u"environmentDialog"_s));
        QCOMPARE(environment->currentData().toString(), u"local"_s);
        QVERIFY2(panel->findings().isEmpty(), qPrintable(panel->findingsLabel()->text()));
        QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
        QVERIFY(sent.wait(15000));
        QVERIFY2(panel->statusLabel()->text().startsWith(u"200"_s),
            qPrintable(panel->statusLabel()->text()));
        QCOMPARE(window->history()->model()->rowCount(), historyBefore + 2);

        // A new environment ("No environment" chosen): a taken name is refused in the dialog,
        // which stays open; then renamed, then deleted (Cancel first keeps it).
        const auto openEnvironmentDialog = [&]() -> QDialog * {
            QTest::mouseClick(panel->editEnvironmentButton(), Qt::LeftButton);
            QDialog *d = nullptr;
            return QTest::qWaitFor(
                       [&] {
                           return (d = panel->findChild<QDialog *>(u"environmentDialog"_s))
                               && d->isVisible();
                       },
                       5000)
                ? d
                : nullptr;
        };
        const auto environments = [&] {
            QStringList names;
            for (const auto &e : saved->collection(u"httpbin"_s)->environments)
                names << e.name;
            return names;
        };
        environment->setCurrentIndex(environment->findData(QString()));
        envDialog = openEnvironmentDialog();
        QVERIFY(envDialog);
        QVERIFY(envDialog->windowTitle().startsWith(u"New Environment"_s));
        QVERIFY(!envDialog->findChild<QPushButton *>(u"deleteEnvironment"_s));
        auto *envName = envDialog->findChild<QLineEdit *>(u"environmentName"_s);
        QVERIFY(envName->text().isEmpty());
        envName->setText(u"local"_s);
        envDialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QVERIFY(envDialog->isVisible());
        QVERIFY2(envDialog->findChild<QLabel *>(u"environmentError"_s)
                     ->text()
                     .contains(u"already has an environment \"local\""_s),
            qPrintable(envDialog->findChild<QLabel *>(u"environmentError"_s)->text()));
        QCOMPARE(saved->collection(u"httpbin"_s)->environment(u"local"_s)->variables.size(), 2);
        envName->setText(u"qa"_s);
        variables = qobject_cast<KeyValueModel *>(
            envDialog->findChild<QTableView *>(u"environmentVariables"_s)->model());
        const int qaRow = variables->appendRow();
        QVERIFY(variables->setData(variables->index(qaRow, KeyValueModel::NameColumn), u"base"_s));
        QVERIFY(variables->setData(
            variables->index(qaRow, KeyValueModel::ValueColumn), u"http://qa.invalid"_s));
        envDialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QTRY_VERIFY(!panel->findChild<QDialog *>(u"environmentDialog"_s));
        QCOMPARE(environments(), (QStringList { u"local"_s, u"qa"_s }));
        QCOMPARE(environment->currentData().toString(), u"qa"_s);

        envDialog = openEnvironmentDialog(); // "qa" chosen: renamed, not copied
        QVERIFY(envDialog);
        envDialog->findChild<QLineEdit *>(u"environmentName"_s)->setText(u"qa2"_s);
        envDialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QTRY_VERIFY(!panel->findChild<QDialog *>(u"environmentDialog"_s));
        QCOMPARE(environments(), (QStringList { u"local"_s, u"qa2"_s }));
        QCOMPARE(saved->collection(u"httpbin"_s)->environment(u"qa2"_s)->variables.value(u"base"_s),
            u"http://qa.invalid"_s);
        QCOMPARE(environment->currentData().toString(), u"qa2"_s);

        envDialog = openEnvironmentDialog();
        QVERIFY(envDialog);
        auto *deleteEnvironment = envDialog->findChild<QPushButton *>(u"deleteEnvironment"_s);
        QVERIFY(deleteEnvironment);
        deleteEnvironment->click();
        QVERIFY(answerBox(panel, u"deleteEnvironmentConfirm"_s)); // Cancel
        QVERIFY(envDialog->isVisible());
        QCOMPARE(environments(), (QStringList { u"local"_s, u"qa2"_s }));
        deleteEnvironment->click();
        QVERIFY(answerBox(panel, u"deleteEnvironmentConfirm"_s, RequestsPanel::tr("Delete")));
        QTRY_VERIFY(!panel->findChild<QDialog *>(u"environmentDialog"_s));
        QCOMPARE(environments(), QStringList { u"local"_s });
        QCOMPARE(environment->findData(u"qa2"_s), -1);
        environment->setCurrentIndex(environment->findData(u"local"_s));

        // Export: bytes that importCollection reads back, without any secret.
        const QString exported = dir.filePath(u"out/httpbin.json"_s);
        QVERIFY(!panel->exportCollectionFile(u"httpbin"_s, exported)); // no such folder
        QVERIFY(panel->statusLabel()->text().startsWith(u"Not exported"_s));
        QVERIFY(QDir(dir.path()).mkpath(u"out"_s));
        QVERIFY(panel->exportCollectionFile(u"httpbin"_s, exported));
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.contains(m_jwt));
        Result<keyhaven::replay::Collection> back = keyhaven::replay::importCollection(bytes);
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(back->name, u"httpbin"_s);
        QCOMPARE(back->requests.size(), 1);
        QCOMPARE(back->requests.first().request.url, u"{{base}}/bearer"_s);
        QCOMPARE(back->requests.first().request.auth.item, u"httpbin token"_s);
        QCOMPARE(back->environment(u"local"_s)->variables.value(u"base"_s), m_origin);
        QCOMPARE(back->environment(u"local"_s)->variables.value(u"what"_s), u"bearer"_s);

        // Importing the original again clashes: Cancel keeps the request, Replace drops it.
        QVERIFY(panel->importCollectionFile(shared));
        QVERIFY(answerBox(panel, u"replaceCollectionConfirm"_s));
        QCOMPARE(saved->rowCount(saved->indexOf(u"httpbin"_s)), 1);
        QVERIFY(panel->importCollectionFile(shared));
        QVERIFY(answerBox(panel, u"replaceCollectionConfirm"_s, RequestsPanel::tr("Replace")));
        QTRY_COMPARE(saved->rowCount(saved->indexOf(u"httpbin"_s)), 0);
        QVERIFY(panel->importCollectionFile(exported)); // back from the export
        QVERIFY(answerBox(panel, u"replaceCollectionConfirm"_s, RequestsPanel::tr("Replace")));
        QTRY_COMPARE(saved->rowCount(saved->indexOf(u"httpbin"_s)), 1);

        // Delete key on the tree: asks, then removes; the editor keeps the request.
        panel->savedView()->setCurrentIndex(saved->indexOf(u"httpbin"_s, u"whoami"_s));
        panel->savedView()->setFocus();
        QTest::keyClick(panel->savedView(), Qt::Key_Delete);
        QVERIFY(answerBox(panel, u"deleteSavedConfirm"_s, RequestsPanel::tr("Delete")));
        QTRY_COMPARE(saved->rowCount(saved->indexOf(u"httpbin"_s)), 0);
        QVERIFY(panel->loadedName().isEmpty());
        QCOMPARE(panel->urlEdit()->text(), u"{{base}}/{{what}}"_s);
        QVERIFY(panel->removeSaved(u"httpbin"_s));
        QCOMPARE(saved->rowCount(), 0);
    }

    void harImportedOffTheUiThread()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QJsonArray entries;
        for (const QString &name : { u"application-json"_s, u"cookies"_s, u"query"_s }) {
            QString error;
            const QByteArray request =
                keyhaven::test::readTestdata(u"har/"_s + name + u".json"_s, &error);
            QVERIFY2(!request.isEmpty(), qPrintable(error));
            entries.append(QJsonObject {
                { u"startedDateTime"_s, u"2024-05-01T10:00:00.000Z"_s },
                { u"request"_s, QJsonDocument::fromJson(request).object() },
                { u"response"_s,
                    QJsonObject { { u"status"_s, name == u"cookies"_s ? 403 : 200 } } },
            });
        }
        const QJsonObject har { { u"log"_s,
            QJsonObject { { u"version"_s, u"1.2"_s }, { u"entries"_s, entries } } } };
        const QString file = dir.filePath(u"capture.har"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(har).toJson());
        f.close();

        auto window = std::make_unique<MainWindow>(m_vault);
        window->show();
        RequestsPanel *panel = window->requests();
        QSignalSpy loaded(panel, &RequestsPanel::harLoaded);
        panel->importHarFile(file);
        QVERIFY(panel->progressBar()->isVisibleTo(panel)); // busy while the worker parses
        QVERIFY(loaded.wait(10000));
        QVERIFY(!panel->progressBar()->isVisibleTo(panel));
        QCOMPARE(panel->harEntries().size(), 3);
        HarPickerDialog *picker = panel->findChild<HarPickerDialog *>();
        QVERIFY(picker);
        QTRY_VERIFY(picker->isVisible());
        QAbstractItemModelTester tester(
            picker->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(picker->proxy()->rowCount(), 3);
        picker->statusEdit()->setText(u"403"_s);
        QCOMPARE(picker->proxy()->rowCount(), 1);
        picker->view()->selectRow(0);
        QCOMPARE(picker->selectedIndex(), 1);
        picker->accept();
        QCOMPARE(panel->urlEdit()->text(), panel->harEntries().at(1).request.url);
        QVERIFY(hasRow(panel->headersModel(), u"Cookie"_s));

        // A file that is not a HAR: a clear error, no picker.
        const QString junk = dir.filePath(u"junk.har"_s);
        QFile j(junk);
        QVERIFY(j.open(QIODevice::WriteOnly));
        j.write("{\"log\": 5}");
        j.close();
        panel->importHarFile(junk);
        QVERIFY(loaded.wait(10000));
        QVERIFY(panel->statusLabel()->text().contains(u"log.entries"_s));
    }
};

namespace keyhaven::test {
QObject *makeRequestsPanelTest() { return new RequestsPanelTest; }
} // namespace keyhaven::test

#include "tst_requestspanel.moc"
