// replay/boundsender.cpp — credential at send time, one refresh and one retry for a rejected OAuth
// token (DESIGN.md "Replay": never a loop), and a redacted history row for every attempt.
#include "replay/boundsender.h"

#include "oauth/connectionmanager.h"
#include "replay/authbinding.h"
#include "vault/vault.h"

using namespace Qt::StringLiterals;

namespace keyhaven::replay {

bool tokenRejected(const ResponseFacts &response)
{
    if (response.status != 401)
        return false;
    QList<QByteArray> values;
    for (const Header &h : response.headers) {
        if (h.first.compare("WWW-Authenticate", Qt::CaseInsensitive) == 0)
            values.append(h.second);
    }
    const bool expired = response.tokenExpires && *response.tokenExpires <= response.now;
    for (const Challenge &c : parseChallenges(values.join(", "))) {
        if (c.param(u"error"_s) == u"invalid_token"_s)
            return true;
        if (expired && c.scheme.compare(u"Bearer"_s, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

struct BoundSender::Run
{
    Request request; // placeholders only
    std::optional<vault::Item> item;
    QList<Redaction> redactions; // every credential this run sent, and what stands in for it
    std::function<void(SendOutcome)> done;
    SendOutcome outcome;
    Request wire; // the attempt in flight, with the credential: wiped when done with
    bool retried = false;
    bool finished = false; // `done` has run (abort() may come before the answer)

    bool oauth() const { return item && request.auth.kind == AuthBinding::Kind::OAuth; }
    QString itemName() const { return item ? item->name : QString(); }
    void wipeWire()
    {
        for (Header &h : wire.headers)
            SecretBytes::wipe(h.second);
    }
    ~Run()
    {
        wipeWire();
        for (Redaction &r : redactions)
            SecretBytes::wipe(r.secret);
    }
};

BoundSender::BoundSender(
    vault::Vault *vault, oauth::ConnectionManager *connections, Sender *sender, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_connections(connections)
    , m_sender(sender)
{
}

BoundSender::~BoundSender() = default;

void BoundSender::setConnections(oauth::ConnectionManager *connections)
{
    m_connections = connections;
}

void BoundSender::setKeepSecret(bool keep)
{
    m_keepSecret = keep;
    if (!keep) {
        m_cachedItem = QUuid();
        m_cachedSecret = SecretBytes();
    }
}

bool BoundSender::isBusy() const
{
    const std::shared_ptr<Run> run = m_current.lock();
    return run && !run->finished;
}

void BoundSender::abort()
{
    const std::shared_ptr<Run> run = m_current.lock();
    if (!run || run->finished)
        return;
    if (m_sender->isBusy()) {
        // Its `done` follows with "cancelled": recorded like any attempt without an answer.
        m_sender->abort();
        if (run->finished)
            return;
    }
    // Waiting for the keychain or the token endpoint: neither job can be stopped, so the run
    // ends now and their answer is ignored when it comes.
    run->outcome.error = Error::environment(u"cancelled"_s, u"Cancelled."_s);
    finish(run);
}

void BoundSender::send(const Request &request, const std::optional<vault::Item> &item,
    const QList<Redaction> &redactions, std::function<void(SendOutcome)> done)
{
    auto run = std::make_shared<Run>();
    run->request = request;
    run->item = request.auth.kind == AuthBinding::Kind::None ? std::nullopt : item;
    run->redactions = redactions;
    run->done = std::move(done);
    run->outcome.request = request;
    m_current = run;
    if (!run->item)
        return attempt(run, SecretBytes());
    credential(run, false, [this, run](Result<SecretBytes> secret) {
        if (run->finished)
            return; // aborted meanwhile
        if (!secret) {
            run->outcome.error = secret.error();
            return finish(run);
        }
        attempt(run, std::move(secret).value());
    });
}

void BoundSender::credential(
    std::shared_ptr<Run> run, bool forceRefresh, std::function<void(Result<SecretBytes>)> next)
{
    const vault::Item &item = *run->item;
    if (run->oauth()) {
        if (!m_connections)
            return next(Error::environment(u"oauth-unavailable"_s,
                u"No OAuth connection manager: \"%1\" cannot give a token here."_s.arg(item.name)));
        return m_connections->accessToken(item.id, forceRefresh, this, std::move(next));
    }
    if (m_cachedItem == item.id && !m_cachedSecret.isEmpty())
        return next(SecretBytes::copyOf(m_cachedSecret.view()));
    if (!m_vault)
        return next(Error::environment(u"vault"_s, u"No vault is open."_s));
    m_vault->readSecret(
        item.id, item.primaryField(), this, [this, id = item.id, next](Result<SecretBytes> secret) {
            if (secret && m_keepSecret) {
                m_cachedItem = id;
                m_cachedSecret = SecretBytes::copyOf(secret->view());
            }
            next(std::move(secret));
        });
}

void BoundSender::attempt(std::shared_ptr<Run> run, SecretBytes secret)
{
    run->wipeWire(); // the previous attempt's credential
    run->wire = run->request;
    Request &wire = run->wire;
    std::optional<vault::Item> now = run->item;
    if (run->item) {
        if (Result<void> b = applyBinding(wire, wire.auth, run->item->name, &secret); !b) {
            run->outcome.error = b.error();
            return finish(run);
        }
        run->redactions.prepend({ secret.bytes(), itemPlaceholder(run->item->name) });
        // A refresh has just rewritten the connection's expiry and granted scopes.
        if (m_vault && run->oauth())
            now = m_vault->find(run->item->idString()).value_or(*run->item);
    }
    QPointer<BoundSender> self(this);
    m_sender->send(wire, [self, run, now](Result<Response> result) {
        if (!self || run->finished)
            return;
        const Request &wire = run->wire;
        if (!result) {
            run->outcome.error = result.error();
            run->outcome.history.append(historyEntry(
                wire, run->itemName(), nullptr, {}, result.error().message, run->redactions));
            return self->finish(run);
        }
        const Response &response = *result;
        ResponseFacts facts;
        facts.status = response.status;
        facts.headers = response.headers;
        facts.now = self->m_clock.now();
        if (now && now->kind == vault::ItemKind::Jwt && now->expires.isValid())
            facts.tokenExpires = now->expires;
        if (now && run->oauth()) {
            if (now->accessTokenExpires.isValid())
                facts.tokenExpires = now->accessTokenExpires;
            facts.grantedScopes = now->grantedScopes;
        }
        QList<Diagnosis> diagnosis = diagnose(run->request, facts);

        if (run->oauth() && !run->retried && tokenRejected(facts)) {
            // RFC 6750 §3.1: the token is no good. One forced refresh, one retry; the flag makes
            // sure a second rejection ends here.
            run->retried = true;
            run->outcome.history.append(
                historyEntry(wire, run->itemName(), &response, diagnosis, {}, run->redactions));
            self->credential(
                run, true, [self, run, response, diagnosis](Result<SecretBytes> fresh) mutable {
                    if (!self || run->finished)
                        return; // aborted while the token endpoint was asked
                    if (!fresh) {
                        diagnosis.append({ u"refresh-failed"_s,
                            u"%1: the server rejected the access token of \"%2\", and refreshing "
                            "it failed: %3"_s.arg(response.status)
                                .arg(run->itemName(), fresh.error().message) });
                        run->outcome.response = response;
                        run->outcome.diagnosis = diagnosis;
                        return self->finish(run);
                    }
                    run->outcome.refreshed = true;
                    self->attempt(run, std::move(fresh).value());
                });
            return;
        }
        if (run->retried) {
            diagnosis.prepend({ u"token-refreshed"_s,
                response.status < 400
                    ? u"401 at first: the server rejected the access token of \"%1\"; it was "
                      "refreshed once and the request sent again: %2 now."_s.arg(
                          run->itemName(), QString::number(response.status))
                    : u"401 at first: the server rejected the access token of \"%1\"; it was "
                      "refreshed once and the request sent again, but the answer is %2: not "
                      "retried again (a fresh token did not help)."_s.arg(
                          run->itemName(), QString::number(response.status)) });
        }
        run->outcome.response = response;
        run->outcome.diagnosis = diagnosis;
        run->outcome.history.append(
            historyEntry(wire, run->itemName(), &response, diagnosis, {}, run->redactions));
        self->finish(run);
    });
}

void BoundSender::finish(std::shared_ptr<Run> run)
{
    if (run->finished)
        return;
    run->finished = true;
    run->wipeWire();
    auto done = std::move(run->done);
    SendOutcome outcome = std::move(run->outcome);
    done(std::move(outcome));
}

} // namespace keyhaven::replay
