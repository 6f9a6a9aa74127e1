// support/e2eprovider.cpp — provider process, its /__stats counters, and the browser login.
#include "e2eprovider.h"

#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcessEnvironment>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace keyhaven::test {

E2eProvider::~E2eProvider() { stop(); }

QString E2eProvider::start(int accessTtlSecs)
{
    const QString dir = qEnvironmentVariable("KEYHAVEN_E2E_PROVIDER_DIR");
    if (dir.isEmpty() || !QFile::exists(dir + u"/node_modules/oidc-provider"_s))
        return u"KEYHAVEN_E2E_PROVIDER_DIR must name the installed provider (./dev test does "
               "this); end-to-end tests never skip"_s;
    if (!QFile::exists(u"/usr/bin/chromium"_s) || !QFile::exists(u"/usr/bin/chromedriver"_s))
        return u"Debian's chromium and chromium-driver are required (./dev test installs them)"_s;
    m_process.setProgram(u"node"_s);
    m_process.setArguments({ dir + u"/provider.mjs"_s });
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"KH_ACCESS_TTL"_s, QString::number(accessTtlSecs));
    m_process.setProcessEnvironment(env);
    m_process.start();
    if (!m_process.waitForStarted(10000))
        return u"node did not start: "_s + m_process.errorString();
    (void)QTest::qWaitFor(
        [this] { return m_process.canReadLine() || m_process.state() == QProcess::NotRunning; },
        30000);
    const QJsonObject hello = QJsonDocument::fromJson(m_process.readLine()).object();
    m_issuer = hello.value(u"issuer"_s).toString();
    m_clientId = hello.value(u"clientId"_s).toString();
    m_resource = hello.value(u"resource"_s).toString();
    if (!m_issuer.startsWith(u"http://127.0.0.1:"_s))
        return u"the provider did not come up: "_s
            + QString::fromUtf8(m_process.readAllStandardError());
    return {};
}

void E2eProvider::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel();
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QJsonObject E2eProvider::getJson(const QString &path) const
{
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(QUrl(m_issuer + path)));
    const bool finished = QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000);
    const QJsonObject object =
        finished ? QJsonDocument::fromJson(reply->readAll()).object() : QJsonObject();
    delete reply;
    return object;
}

int E2eProvider::refreshGrants() const { return stats().value(u"refresh"_s).toInt(-1); }

CliLogin cliLogin(const QString &connection, const QStringList &browserArgs)
{
    CliLogin run;
    QProcess proc;
    QElapsedTimer total;
    total.start();
    proc.start(binPath(u"keyhaven-cli"_s),
        { u"login"_s, connection, u"--no-browser"_s, u"--timeout"_s, u"120"_s });
    if (!proc.waitForStarted(10000))
        return run;
    QByteArray err;
    QString url;
    (void)QTest::qWaitFor(
        [&] {
            err += proc.readAllStandardError();
            for (const QByteArray &line : err.split('\n'))
                if (line.startsWith("http"))
                    url = QString::fromUtf8(line.trimmed());
            return !url.isEmpty() || proc.state() == QProcess::NotRunning;
        },
        30000);
    if (!url.isEmpty()) {
        QProcess browser;
        QElapsedTimer b;
        b.start();
        browser.start(u"/usr/bin/python3"_s,
            QStringList { QStringLiteral(KEYHAVEN_SOURCE_DIR) + u"/tests/e2e/browser_login.py"_s,
                url, u"--timeout"_s, u"90"_s }
                + browserArgs);
        browser.waitForStarted(10000);
        (void)QTest::qWaitFor(
            [&browser] { return browser.state() == QProcess::NotRunning; }, 120000);
        run.browserMs = b.elapsed();
        run.browserExit = browser.exitCode();
        run.browserErr = browser.readAllStandardError();
    }
    (void)QTest::qWaitFor([&proc] { return proc.state() == QProcess::NotRunning; }, 60000);
    if (proc.state() != QProcess::NotRunning) {
        proc.kill();
        proc.waitForFinished(5000);
        return run;
    }
    run.totalMs = total.elapsed();
    run.exitCode = proc.exitStatus() == QProcess::NormalExit ? proc.exitCode() : -2;
    run.out = proc.readAllStandardOutput();
    run.err = err + proc.readAllStandardError();
    return run;
}

} // namespace keyhaven::test
