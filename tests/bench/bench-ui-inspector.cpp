// tests/bench/bench-ui-inspector.cpp — bench_ui_inspector: a 4 kB token rendered by the Token
// Inspector within one frame (≤ 16 ms). Times setToken() until the panel is fully updated (the
// inspection and verification, the tree, findings and lifetime bar) and, separately, that plus
// a synchronous repaint of the whole panel (offscreen). Alternates two different tokens so that
// every run really changes the text. Also prints how long setToken() blocks for a 200 kB token
// (parsed on a worker).
#include "jose/base64url.h"
#include "jose/jwk.h"
#include "jose/jwssigner.h"
#include "panels/inspectorpanel.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QSignalSpy>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using keyhaven::SecretBytes;
using keyhaven::jose::Key;

namespace {

const QByteArray kSecret = "bench-inspector-hmac-secret-0123456789abcdef"_ba;

// A realistic access token padded with group names to about `size` bytes.
QByteArray token(int size, const QByteArray &subject)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QByteArray groups;
    for (int i = 0; groups.size() < size * 3 / 4 - 400; ++i)
        groups += (i ? ",\"" : "\"") + "group-"_ba + QByteArray::number(i) + "-engineering\""_ba;
    const QByteArray claims = "{\"iss\":\"https://login.example.com\",\"sub\":\""_ba + subject
        + "\",\"aud\":[\"https://api.example.com\",\"dashboard\"],\"iat\":"_ba
        + QByteArray::number(now - 60) + ",\"nbf\":"_ba + QByteArray::number(now - 60)
        + ",\"exp\":"_ba + QByteArray::number(now + 900)
        + ",\"scope\":\"openid profile email\",\"groups\":["_ba + groups + "]}"_ba;
    keyhaven::jose::SignOptions o;
    o.alg = u"HS256"_s;
    o.extraHeader = QJsonObject { { u"kid"_s, u"bench"_s } };
    auto t = keyhaven::jose::signCompact(claims, Key::fromSecret(SecretBytes::copyOf(kSecret)), o);
    return t ? *t : QByteArray();
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = argc > 1 ? QByteArray(argv[1]).toInt() : 100;

    keyhaven::ui::InspectorPanel panel(nullptr);
    panel.resize(1200, 700);
    panel.show();
    const QByteArray jwk = QJsonDocument(
        QJsonObject { { u"kty"_s, u"oct"_s },
            { u"k"_s, QString::fromLatin1(keyhaven::jose::base64url::encode(kSecret)) } })
                               .toJson(QJsonDocument::Compact);
    panel.setPastedKey(QString::fromUtf8(jwk));
    const QString a = QString::fromLatin1(token(4096, "alice"));
    const QString b = QString::fromLatin1(token(4096, "bob"));
    std::printf("token size: %lld bytes\n", qint64(a.size()));
    QApplication::processEvents();

    QList<double> update, render;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        panel.setToken(i % 2 ? a : b);
        const double u = t.nsecsElapsed() / 1e6;
        panel.repaint(); // paints the whole widget tree now
        const double r = t.nsecsElapsed() / 1e6;
        if (!panel.outcome().verdict.valid) {
            std::fprintf(stderr, "bench_ui_inspector: the token did not verify\n");
            return 1;
        }
        if (i >= 3) { // warm-up
            update << u;
            render << r;
        }
        QApplication::processEvents();
    }
    // Where the update time goes: Qt laying out the text edit vs. inspect + verify + models.
    QList<double> textOnly, ours;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        {
            const QSignalBlocker block(panel.input());
            panel.input()->setPlainText(i % 2 ? a : b);
        }
        const double x = t.nsecsElapsed() / 1e6;
        panel.refresh();
        if (i >= 3) {
            textOnly << x;
            ours << t.nsecsElapsed() / 1e6 - x;
        }
        QApplication::processEvents();
    }
    std::printf("  of which the text edit's layout: %.2f ms, inspection and views: %.2f ms\n",
        median(textOnly), median(ours));
    std::printf(
        "inspector-4kB-update-ms (median of %lld): %.2f\n", qint64(update.size()), median(update));
    std::printf("inspector-4kB-render-ms (median of %lld, update + repaint): %.2f  max %.2f\n",
        qint64(render.size()), median(render), *std::max_element(render.begin(), render.end()));

    // 200 kB: setToken hands the work to a worker; how long does the UI thread block?
    const QString big = QString::fromLatin1(token(200 * 1024, "carol"));
    QSignalSpy updated(&panel, &keyhaven::ui::InspectorPanel::updated);
    QElapsedTimer t;
    t.start();
    panel.setToken(big);
    const double blocked = t.nsecsElapsed() / 1e6;
    if (!updated.wait(10000)) {
        std::fprintf(stderr, "bench_ui_inspector: no result for the 200 kB token\n");
        return 1;
    }
    std::printf("inspector-200kB-ui-blocked-ms: %.2f  (result after %.2f ms)\n", blocked,
        t.nsecsElapsed() / 1e6);
    return 0;
}
