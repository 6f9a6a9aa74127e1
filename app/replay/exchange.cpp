// replay/exchange.cpp — the steps of one send, in the order rule 7 needs them: the checks here,
// the send itself in BoundSender (the CLI's path too).
#include "replay/exchange.h"

#include "replay/authbinding.h"
#include "replay/requestfindings.h"
#include "vault/vault.h"

using namespace Qt::StringLiterals;

namespace keyhaven::replay {

Exchange::Exchange(
    QNetworkAccessManager *network, vault::Vault *vault, History *history, QObject *parent)
    : QObject(parent)
    , m_bound(new BoundSender(vault, nullptr, new Sender(network, this), this))
    , m_vault(vault)
    , m_history(history)
{
    m_bound->setKeepSecret(false);
}

void Exchange::setConnections(oauth::ConnectionManager *connections)
{
    m_bound->setConnections(connections);
}

jose::Findings Exchange::check(const Request &request, const QStringList &allowedOrigins) const
{
    FindingContext fc;
    if (request.auth.kind != AuthBinding::Kind::None && m_vault)
        fc.item = m_vault->find(request.auth.item);
    fc.allowedOrigins = allowedOrigins;
    Request shown = request;
    if (fc.item)
        (void)applyBinding(shown, request.auth, fc.item->name, nullptr);
    return requestFindings(shown, fc);
}

void Exchange::finish(std::function<void(ExchangeOutcome)> &done, ExchangeOutcome outcome)
{
    m_busy = false;
    done(std::move(outcome));
}

void Exchange::start(const Request &request, const QStringList &allowedOrigins,
    const QList<Redaction> &redactions, std::function<void(ExchangeOutcome)> done)
{
    if (m_busy) {
        ExchangeOutcome o;
        o.error = Error::input(u"busy"_s, u"A request is already being sent."_s);
        done(std::move(o));
        return;
    }
    m_busy = true;
    ExchangeOutcome outcome;
    outcome.shown = request;
    std::optional<vault::Item> item;
    if (request.auth.kind != AuthBinding::Kind::None) {
        item = m_vault ? m_vault->find(request.auth.item) : std::nullopt;
        if (!item) {
            outcome.error = Error::input(u"not-found"_s,
                u"No vault item is named \"%1\" (any more)."_s.arg(request.auth.item));
            finish(done, std::move(outcome));
            return;
        }
        if (Result<void> b = applyBinding(outcome.shown, request.auth, item->name, nullptr); !b) {
            outcome.error = b.error();
            finish(done, std::move(outcome));
            return;
        }
    }
    FindingContext fc;
    fc.item = item;
    fc.allowedOrigins = allowedOrigins;
    outcome.findings = requestFindings(outcome.shown, fc);
    if (jose::hasError(outcome.findings)) {
        outcome.error = Error::input(
            u"blocked"_s, u"Not sent: the request has a blocking finding (see the findings)."_s);
        finish(done, std::move(outcome));
        return;
    }
    const Request shown = outcome.shown;
    m_bound->send(shown, item, redactions,
        [this, outcome = std::move(outcome), done = std::move(done)](SendOutcome sent) mutable {
            outcome.attempts = int(sent.history.size());
            if (m_history) {
                for (const HistoryEntry &entry : std::as_const(sent.history)) {
                    if (Result<void> w = m_history->append(entry); !w)
                        outcome.historyError = w.error().message;
                }
            }
            outcome.diagnosis = std::move(sent.diagnosis);
            outcome.refreshed = sent.refreshed;
            if (sent.error)
                outcome.error = std::move(sent.error);
            else
                outcome.response = std::move(sent.response);
            finish(done, std::move(outcome));
        });
}

void Exchange::abort() { m_bound->abort(); }

} // namespace keyhaven::replay
