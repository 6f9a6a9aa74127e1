// replay/exchange.h — one send with a vault credential: check, inject, send, diagnose, record.
#pragma once

#include "common/result.h"
#include "common/secretbytes.h"
#include "jose/finding.h"
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

namespace keyhaven::replay {

struct ExchangeOutcome
{
    Request shown; // as sent, with ‹item NAME› where the credential went
    jose::Findings findings; // checked before sending
    std::optional<Response> response;
    QList<Diagnosis> diagnosis;
    std::optional<Error> error; // not sent ("blocked", "not-found", keychain) or no answer
    QString historyError; // the send happened but could not be recorded
};

// The GUI's send (the CLI's `replay` does the same steps for its batch). The request names its
// item in request.auth; the secret is read from the vault only now, so "send again" uses the
// current credential. A blocking request finding (credential-cross-origin, a vault credential
// over plain HTTP) stops the send before anything leaves (rule 7). Every send that went out is
// recorded in `history` (if given) with each credential redacted.
class Exchange : public QObject
{
    Q_OBJECT
public:
    Exchange(QNetworkAccessManager *network, vault::Vault *vault, History *history,
        QObject *parent = nullptr);

    // Error ids: "blocked", "not-found", "busy", those of Vault::readSecret and Sender::send.
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
    void send(Request wire, ExchangeOutcome outcome, std::optional<vault::Item> item,
        QList<Redaction> redactions, std::function<void(ExchangeOutcome)> done);
    void finish(std::function<void(ExchangeOutcome)> &done, ExchangeOutcome outcome);

    Sender *m_sender;
    QPointer<vault::Vault> m_vault;
    History *m_history;
    bool m_busy = false;
};

} // namespace keyhaven::replay
