// tests/bench/bench-ui-filter.cpp — bench_ui_filter [N]: the search box's cost per keystroke.
// Fills an ItemTableModel with N (default 100,000) synthetic API keys and JWTs, puts it behind
// the panel's ItemFilterProxyModel (sorted by name, as the panel is) and times setSearchText for
// a typed word, one keystroke at a time, then for deleting it again; once with the proxy alone
// and once with a QTableView attached (offscreen), which is what the panel has.
// `bench_ui_filter --dashboard N` does the same for the rotation dashboard (DashboardModel, N
// items of every kind, sorted by status) and times a sort per column header click.
#include "models/dashboardmodel.h"
#include "models/itemfilterproxymodel.h"
#include "models/itemtablemodel.h"
#include "vault/vault.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;
using keyhaven::Result;
using keyhaven::ui::DashboardModel;
using keyhaven::ui::ItemFilterProxyModel;
using keyhaven::ui::ItemTableModel;
using keyhaven::vault::Item;
using keyhaven::vault::ItemKind;
using keyhaven::vault::Vault;

namespace {

const QStringList kWords = { u"payments"_s, u"billing"_s, u"search"_s, u"maps"_s, u"auth"_s,
    u"storage"_s, u"mail"_s, u"analytics"_s, u"inventory"_s, u"ledger"_s, u"notify"_s, u"geo"_s,
    u"video"_s, u"chat"_s };

QList<Item> syntheticItems(ItemKind kind, int n)
{
    QList<Item> items;
    items.reserve(n);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < n; ++i) {
        Item item;
        item.id = QUuid::createUuid();
        item.kind = kind;
        const QString &word = kWords.at(i % kWords.size());
        item.name = u"%1-%2-%3"_s.arg(word, kWords.at((i / 7) % kWords.size())).arg(i);
        item.owner = u"team-%1"_s.arg(i % 37);
        item.tags = { (i % 3) ? u"prod"_s : u"staging"_s, u"region-%1"_s.arg(i % 9) };
        item.baseUrls = { u"https://%1.api%2.example.com"_s.arg(word).arg(i % 50) };
        item.headerName = (i % 4) ? u"X-API-Key"_s : u"Authorization"_s;
        item.created = now.addDays(-(i % 400));
        item.jwtIssuer = u"https://id%1.example.com"_s.arg(i % 11);
        item.jwtSubject = u"svc-%1"_s.arg(i);
        item.expires = now.addSecs((i % 2000) * 60 - 30000);
        items.append(item);
    }
    return items;
}

struct Stats
{
    double median = 0;
    double max = 0;
};

Stats stats(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return { ms.at(ms.size() / 2), ms.last() };
}

// Types `word` one character at a time, then deletes it again; returns per-keystroke times.
// The time covers the proxy's new mapping (rowCount() forces the lazy part) and, with a view,
// the view's reaction to the layout change (posted events processed; painting excluded).
QList<double> typeAndDelete(ItemFilterProxyModel &proxy, const QString &word, bool print)
{
    QList<double> times;
    const auto keystroke = [&](const QString &text) {
        QElapsedTimer t;
        t.start();
        proxy.setSearchText(text);
        const int rows = proxy.rowCount();
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        times.append(ms);
        if (print)
            std::printf("  %-14s %7d rows %8.2f ms\n", qPrintable(u'"' + text + u'"'), rows, ms);
    };
    for (int i = 1; i <= word.size(); ++i)
        keystroke(word.left(i));
    for (int i = int(word.size()) - 1; i >= 0; --i)
        keystroke(word.left(i));
    return times;
}

} // namespace

// `bench_ui_filter --fill-metadata N`: N OAuth connections without a secret through the Vault
// (store from KEYHAVEN_DATA_DIR), for the cold-start run when keychain writes are too slow to
// add 10,000 secrets (gnome-keyring managed ~15 writes/s on the shared bench machine). The GUI
// reads no secret at start, so the store's size is what counts.
int fillMetadata(int n)
{
    Result<Vault *> opened = Vault::openDefault(qApp);
    if (!opened) {
        std::fprintf(stderr, "bench_ui_filter: %s\n", qPrintable(opened.error().message));
        return 3;
    }
    Vault *vault = *opened;
    const QList<Item> items = syntheticItems(ItemKind::OAuth, n);
    int done = 0;
    int failed = 0;
    QElapsedTimer t;
    t.start();
    for (Item item : items) {
        item.issuerUrl = u"https://id%1.example.com"_s.arg(done % 11);
        item.clientId = u"client-"_s + item.name;
        item.scopes = { u"openid"_s, u"email"_s };
        vault->addItem(item, keyhaven::SecretBytes(), qApp, [&](Result<Item> r) {
            ++done;
            if (!r && ++failed == 1)
                std::fprintf(stderr, "bench_ui_filter: %s\n", qPrintable(r.error().message));
            if (done == n)
                QCoreApplication::quit();
        });
    }
    QCoreApplication::exec();
    std::printf("filled %d items (%d failed) in %lld ms\n", done, failed, t.elapsed());
    return failed ? 3 : 0;
}

// The dashboard: N items (half API keys on a 90-day schedule, half JWTs with an expiry), sorted
// by status, behind the proxy and a view; per header click and per keystroke.
int benchDashboard(int n)
{
    QList<Item> items = syntheticItems(ItemKind::ApiKey, n - n / 2);
    items += syntheticItems(ItemKind::Jwt, n / 2);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < items.size(); ++i) {
        if (i % 5 == 0)
            items[i].lastRotated = now.addDays(-(i % 120));
    }
    DashboardModel model(nullptr);
    QElapsedTimer fill;
    fill.start();
    model.setItems(items);
    std::printf("dashboard model: %d rows in %lld ms\n", model.rowCount(), fill.elapsed());
    ItemFilterProxyModel proxy(nullptr);
    proxy.setSourceModel(&model);
    QTableView view;
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.verticalHeader()->hide();
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.resize(1100, 600);
    view.show();
    QTest::qWait(400);
    QList<double> sorts;
    for (int column = 0; column < model.columnCount(); ++column) {
        for (Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
            QElapsedTimer t;
            t.start();
            view.sortByColumn(column, order);
            QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
            sorts.append(double(t.nsecsElapsed()) / 1e6);
            std::printf("  sort by %-14s %-4s %8.2f ms\n",
                qPrintable(model.headerData(column, Qt::Horizontal).toString()),
                order == Qt::AscendingOrder ? "asc" : "desc", sorts.last());
        }
    }
    view.sortByColumn(model.columnOf(ItemTableModel::Column::Status), Qt::AscendingOrder);
    QTest::qWait(400);
    std::printf("dashboard, typing \"payments-auth-4\" and deleting it:\n");
    const Stats typing = stats(typeAndDelete(proxy, u"payments-auth-4"_s, true));
    const Stats sorting = stats(sorts);
    std::printf("dashboard-sort-ms-per-click (%d rows, %lld clicks): median %.2f max %.2f\n", n,
        qlonglong(sorts.size()), sorting.median, sorting.max);
    std::printf("dashboard-filter-ms-per-keystroke (proxy + view, %d rows): median %.2f max %.2f\n",
        n, typing.median, typing.max);
    return 0;
}

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc > 2 && QByteArrayView(argv[1]) == "--fill-metadata")
        return fillMetadata(QByteArray(argv[2]).toInt());
    if (argc > 2 && QByteArrayView(argv[1]) == "--dashboard")
        return benchDashboard(QByteArray(argv[2]).toInt());
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const QString word = u"payments-auth-4"_s;

    ItemTableModel model(ItemKind::ApiKey, nullptr);
    QElapsedTimer fill;
    fill.start();
    model.setItems(syntheticItems(ItemKind::ApiKey, n));
    std::printf("model: %d rows in %lld ms\n", model.rowCount(), fill.elapsed());

    ItemFilterProxyModel proxy(nullptr);
    proxy.setSourceModel(&model);
    QElapsedTimer sortTimer;
    sortTimer.start();
    proxy.sort(2); // the model arrives sorted by name: time a sort by URL and back
    proxy.sort(0);
    std::printf("sorting 2x (header click): %lld ms\n", sortTimer.elapsed());

    {
        // The raw cost of one full scan (what a keystroke without a usable cached set pays).
        const QByteArray needle = ItemTableModel::foldForSearch(u"pa"_s);
        QElapsedTimer scan;
        scan.start();
        int hits = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QByteArray &h = model.searchTextAt(row);
            hits +=
                memmem(h.constData(), size_t(h.size()), needle.constData(), size_t(needle.size()))
                != nullptr;
        }
        std::printf(
            "full scan for \"pa\": %d hits in %.2f ms\n", hits, double(scan.nsecsElapsed()) / 1e6);
    }
    // A cold cache each time: a fresh proxy per run. The user types after the window has been
    // idle, when the proxy has laid out the search texts (timed separately).
    QElapsedTimer corpus;
    corpus.start();
    QTest::qWait(400);
    std::printf(
        "idle before typing (search texts laid out meanwhile): %lld ms\n", corpus.elapsed());
    std::printf("proxy only, typing \"%s\" and deleting it:\n", qPrintable(word));
    const Stats bare = stats(typeAndDelete(proxy, word, true));

    ItemFilterProxyModel viewProxy(nullptr);
    viewProxy.setSourceModel(&model);
    QTableView view;
    view.setModel(&viewProxy);
    view.setSortingEnabled(true);
    // As in ItemPanel: uniform rows, no row numbers.
    view.verticalHeader()->hide();
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.resize(1100, 600);
    view.show();
    QTest::qWait(400);
    std::printf("with a QTableView attached:\n");
    const Stats withView = stats(typeAndDelete(viewProxy, word, true));

    std::printf("filter-ms-per-keystroke (proxy, %d rows): median %.2f max %.2f\n", n, bare.median,
        bare.max);
    std::printf("filter-ms-per-keystroke (proxy + view, %d rows): median %.2f max %.2f\n", n,
        withView.median, withView.max);
    return 0;
}
