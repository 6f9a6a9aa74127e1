// support/e2eprovider.h — the real OpenID provider of the end-to-end tests (tests/e2e/provider,
// started with node on 127.0.0.1) and the headless-Chromium login through keyhaven-cli.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace keyhaven::test {

class E2eProvider
{
public:
    E2eProvider() = default;
    ~E2eProvider();
    E2eProvider(const E2eProvider &) = delete;
    E2eProvider &operator=(const E2eProvider &) = delete;

    // Starts provider.mjs from $KEYHAVEN_E2E_PROVIDER_DIR (./dev test installs it) with
    // KH_ACCESS_TTL = accessTtlSecs. Returns an empty string once it listens, otherwise why not
    // (the caller fails: end-to-end tests never skip). Also checks that Chromium is there.
    QString start(int accessTtlSecs);
    // SIGTERM, then kill; safe to call twice.
    void stop();

    QString issuer() const { return m_issuer; }
    QString clientId() const { return m_clientId; }
    QString resource() const { return m_resource; }

    // GET issuer + path as a JSON object (tests only: waits); empty when unreachable.
    QJsonObject getJson(const QString &path) const;
    // GET /__stats: what the provider counted ({"refresh": N, "rejected": N, ...}).
    QJsonObject stats() const { return getJson(QStringLiteral("/__stats")); }
    // Refresh-token grants the provider answered (-1 when it cannot be asked).
    int refreshGrants() const;

private:
    QProcess m_process;
    QString m_issuer;
    QString m_clientId;
    QString m_resource;
};

struct CliLogin
{
    int exitCode = -1; // -2: keyhaven-cli crashed; -1: it never finished
    QByteArray out;
    QByteArray err;
    QByteArray browserErr;
    int browserExit = -1;
    qint64 totalMs = 0;
    qint64 browserMs = 0;
};

// `keyhaven-cli login CONNECTION --no-browser`, with tests/e2e/browser_login.py playing the user
// on the authorization URL the CLI prints on stderr (extra arguments such as --deny go to it).
CliLogin cliLogin(const QString &connection, const QStringList &browserArgs = {});

} // namespace keyhaven::test
