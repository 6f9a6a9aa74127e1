// replay/boundsender.h — sends a request with the credential of its bound vault item, and for an
// OAuth connection answers a rejected token with exactly one refresh and one retry. The one send
// path of the CLI's `replay` and the GUI's Exchange.
#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "common/secretbytes.h"
#include "replay/diagnosis.h"
#include "replay/history.h"
#include "replay/request.h"
#include "replay/sender.h"
#include "vault/item.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace keyhaven::vault {
class Vault;
}
namespace keyhaven::oauth {
class ConnectionManager;
}

namespace keyhaven::replay {

// What one send came to. Secrets never appear here: `history` is redacted, and `request` is the
// request with ‹item NAME› stand-ins.
struct SendOutcome
{
    Request request; // as given (placeholders)
    std::optional<Error> error; // no answer (network, TLS, keychain, login required...)
    Response response; // the last attempt's answer (when there is no error)
    QList<Diagnosis> diagnosis; // of the last attempt; "token-refreshed" when it was a retry
    QList<HistoryEntry> history; // one per attempt, oldest first, already redacted
    bool refreshed = false; // a forced refresh and a retry happened
};

// Whether a 401 says the OAuth access token itself is no good (RFC 6750 §3.1 invalid_token, or
// a Bearer challenge while the token we sent had expired): the one case worth a forced refresh.
bool tokenRejected(const ResponseFacts &response);

class BoundSender : public QObject
{
    Q_OBJECT
public:
    // `connections` may be null when no OAuth binding is used (an OAuth binding then fails with
    // "oauth-unavailable"). Neither is owned.
    BoundSender(vault::Vault *vault, oauth::ConnectionManager *connections, Sender *sender,
        QObject *parent = nullptr);
    ~BoundSender() override;

    void setClock(Clock clock) { m_clock = std::move(clock); }
    // The manager that gives OAuth access tokens (not owned). Share one per process: concurrent
    // refreshes of a connection are single-flight only within one manager.
    void setConnections(oauth::ConnectionManager *connections);
    // On (the default, the CLI's batch): an API key, JWT or Basic secret is read from the
    // keychain once and kept for the next sends of the same item. Off (the GUI, which lives
    // long): every send reads it again, so a rotated key is used at once and no secret stays in
    // memory between sends.
    void setKeepSecret(bool keep);

    // `request` carries its binding (applyBinding with placeholders); `item` is the bound item.
    // The credential is read at send time: an API key, JWT or Basic secret from the keychain
    // (read once per item and kept for later sends), an OAuth access token through the
    // connection manager (refreshed when it expires within 60 s). With an OAuth binding a 401
    // whose challenge rejects the token gets ONE forced refresh and ONE retry, never more.
    // `redactions` are extra secrets to keep out of the history (credentials pasted into an
    // imported command). `done` is called exactly once.
    void send(const Request &request, const std::optional<vault::Item> &item,
        const QList<Redaction> &redactions, std::function<void(SendOutcome)> done);
    // Cancels the send in flight: its `done` runs at once with the error "cancelled" (and the
    // history of the attempts that went out, the cancelled one included). While the keychain or a
    // token refresh is being waited for, their answer is dropped when it comes (a refreshed token
    // is still stored by the connection manager). Nothing happens when no send is in flight. The
    // Sender given to the constructor must be this BoundSender's alone.
    void abort();
    bool isBusy() const;

private:
    struct Run;
    void credential(
        std::shared_ptr<Run> run, bool forceRefresh, std::function<void(Result<SecretBytes>)> next);
    void attempt(std::shared_ptr<Run> run, SecretBytes secret);
    void finish(std::shared_ptr<Run> run);

    QPointer<vault::Vault> m_vault;
    QPointer<oauth::ConnectionManager> m_connections;
    Sender *m_sender;
    Clock m_clock;
    std::weak_ptr<Run> m_current; // the send in flight, for abort()
    bool m_keepSecret = true;
    QUuid m_cachedItem; // the item whose secret m_cachedSecret holds (not OAuth: those refresh)
    SecretBytes m_cachedSecret;
};

} // namespace keyhaven::replay
