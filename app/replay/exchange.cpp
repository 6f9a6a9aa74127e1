// replay/exchange.cpp — the steps of one send, in the order rule 7 needs them.
#include "replay/exchange.h"

#include "replay/authbinding.h"
#include "replay/requestfindings.h"
#include "vault/vault.h"

using namespace Qt::StringLiterals;

namespace keyhaven::replay {

Exchange::Exchange(
    QNetworkAccessManager *network, vault::Vault *vault, History *history, QObject *parent)
    : QObject(parent)
    , m_sender(new Sender(network, this))
    , m_vault(vault)
    , m_history(history)
{
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
    if (!item) {
        send(request, std::move(outcome), std::nullopt, redactions, std::move(done));
        return;
    }
    const vault::Item it = *item;
    m_vault->readSecret(it.id, it.primaryField(), this,
        [this, request, outcome, it, redactions = QList<Redaction>(redactions),
            done = std::move(done)](Result<SecretBytes> secret) mutable {
            if (!secret) {
                outcome.error = secret.error();
                finish(done, std::move(outcome));
                return;
            }
            Request wire = request;
            if (Result<void> b = applyBinding(wire, request.auth, it.name, &*secret); !b) {
                outcome.error = b.error();
                finish(done, std::move(outcome));
                return;
            }
            redactions.prepend({ secret->bytes(), itemPlaceholder(it.name) });
            send(std::move(wire), std::move(outcome), it, std::move(redactions), std::move(done));
        });
}

void Exchange::send(Request wire, ExchangeOutcome outcome, std::optional<vault::Item> item,
    QList<Redaction> redactions, std::function<void(ExchangeOutcome)> done)
{
    m_sender->send(wire,
        [this, wire, outcome = std::move(outcome), item, redactions = std::move(redactions),
            done = std::move(done)](Result<Response> res) mutable {
            const QString itemName = item ? item->name : QString();
            HistoryEntry entry;
            if (res) {
                ResponseFacts facts;
                facts.status = res->status;
                facts.headers = res->headers;
                if (item && item->kind == vault::ItemKind::Jwt && item->expires.isValid())
                    facts.tokenExpires = item->expires;
                outcome.diagnosis = diagnose(outcome.shown, facts);
                entry = historyEntry(wire, itemName, &*res, outcome.diagnosis, {}, redactions);
                outcome.response = std::move(res).value();
            } else {
                outcome.error = res.error();
                entry = historyEntry(wire, itemName, nullptr, {}, res.error().message, redactions);
            }
            // The wire copy held the secret in a header: wipe what is not shared.
            for (Header &h : wire.headers)
                SecretBytes::wipe(h.second);
            for (Redaction &r : redactions)
                SecretBytes::wipe(r.secret);
            if (m_history) {
                if (Result<void> w = m_history->append(entry); !w)
                    outcome.historyError = w.error().message;
            }
            finish(done, std::move(outcome));
        });
}

void Exchange::abort() { m_sender->abort(); }

} // namespace keyhaven::replay
