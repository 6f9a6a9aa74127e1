// replay/exchange.h — one send with a vault credential: check, then BoundSender (inject, send,
// one refresh and retry for a rejected OAuth token, diagnose), then record.
#pragma once

#include "common/result.h"
#include "jose/finding.h"
#include "replay/boundsender.h"
#include "replay/diagnosis.h"
#include "replay/history.h"
#include "replay/request.h"
#include "replay/sender.h"
#include "vault/item.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace keyhaven::vault {
class Vault;
}
namespace keyhaven::oauth {
class ConnectionManager;
}

namespace keyhaven::replay {

struct ExchangeOutcome
{
    Request shown; // as sent, with ‹item NAME› where the credential went
    jose::Findings findings; // checked before sending
    std::optional<Response> response; // the last attempt's
    QList<Diagnosis> diagnosis; // "token-refreshed" first when the answer is the retry's
    bool refreshed = false; // the OAuth token was rejected, refreshed once, the request resent
    int attempts = 0; // requests that went out (2 after a refresh), each one a history row
    std::optional<Error> error; // not sent ("blocked", "not-found", keychain) or no answer
    QString historyError; // the send happened but could not be recorded
};

// The GUI's send. The request names its item in request.auth; a blocking request finding
// (credential-cross-origin, a vault credential over plain HTTP) stops the send before anything
// leaves (rule 7). The rest is the CLI's `replay` path, BoundSender: the secret is read from the
// vault only now (every time, so "send again" uses the current credential), an OAuth access token
// comes from the connection manager, and a 401 that rejects it gets one refresh and one retry.
// Every request that went out is recorded in `history` (if given) with each credential redacted.
class Exchange : public QObject
{
    Q_OBJECT
public:
    Exchange(QNetworkAccessManager *network, vault::Vault *vault, History *history,
        QObject *parent = nullptr);

    // Needed for OAuth bindings (without it they fail with "oauth-unavailable"); not owned. Give
    // the app's one manager: concurrent refreshes are single-flight only within one manager.
    void setConnections(oauth::ConnectionManager *connections);

    // Error ids: "blocked", "not-found", "busy", "cancelled", those of Vault::readSecret,
    // ConnectionManager::accessToken and Sender::send.
    // `allowedOrigins`: origins the user allowed for this request only. `redactions`: more
    // secrets to keep out of the history (credentials pasted into the request itself).
    void start(const Request &request, const QStringList &allowedOrigins,
        const QList<Redaction> &redactions, std::function<void(ExchangeOutcome)> done);
    // Cancels the send in flight: `done` runs with the "cancelled" error.
    void abort();
    bool isBusy() const { return m_busy; }

    // The findings for `request` as start() would check them (the item resolved from the vault).
    jose::Findings check(const Request &request, const QStringList &allowedOrigins) const;

private:
    void finish(std::function<void(ExchangeOutcome)> &done, ExchangeOutcome outcome);

    BoundSender *m_bound;
    QPointer<vault::Vault> m_vault;
    History *m_history;
    bool m_busy = false;
};

} // namespace keyhaven::replay
