// cli/replaycommands.cpp — replay: import a curl command, bind a vault item, check, send, diagnose.
#include "cli/cli.h"
#include "common/io.h"
#include "common/paths.h"
#include "oauth/connectionmanager.h"
#include "replay/authbinding.h"
#include "replay/boundsender.h"
#include "replay/collections.h"
#include "replay/curlexport.h"
#include "replay/curlimport.h"
#include "replay/diagnosis.h"
#include "replay/harimport.h"
#include "replay/history.h"
#include "replay/requestfindings.h"
#include "replay/sender.h"
#include "vault/vault.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QStringDecoder>

#include <memory>

using namespace Qt::StringLiterals;
using keyhaven::replay::Request;
using keyhaven::vault::Item;
using keyhaven::vault::Vault;

namespace keyhaven::cli {

namespace {

bool isUtf8Text(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    return !decoder.hasError();
}

// "body" for UTF-8 text, "body_base64" for anything else; both null without a body.
void putBody(QJsonObject &o, const std::optional<QByteArray> &body)
{
    const bool text = body && isUtf8Text(*body);
    o.insert(u"body"_s, text ? QJsonValue(QString::fromUtf8(*body)) : QJsonValue());
    o.insert(u"body_base64"_s,
        body && !text ? QJsonValue(QString::fromLatin1(body->toBase64())) : QJsonValue());
}

QJsonArray headersJson(const replay::Headers &headers)
{
    QJsonArray a;
    for (const replay::Header &h : headers)
        a.append(QJsonArray { QString::fromUtf8(h.first), QString::fromUtf8(h.second) });
    return a;
}

struct Prepared
{
    replay::CurlImport import;
    std::optional<Item> item;
    QList<jose::Findings> findings; // per request
};

Result<std::unique_ptr<replay::Collections>> openCollections()
{
    return replay::Collections::open(paths::databaseFile());
}

// A saved request, {{variables}} resolved from the environment (empty: none).
Result<Request> savedRequest(const QString &ref, const QString &environment)
{
    Result<std::unique_ptr<replay::Collections>> store = openCollections();
    if (!store)
        return store.error();
    Result<std::pair<replay::Collection, replay::SavedRequest>> found = (*store)->find(ref);
    if (!found)
        return found.error();
    return replay::resolveRequest(found->first, found->second, environment);
}

// Imports, binds (with placeholders) and checks. Fails the invocation and returns nullopt on error.
// `requests save` names where the request goes in its argument (forSaving): the request then
// comes from --curl or --har.
std::optional<Prepared> prepare(Invocation &inv, bool forSaving = false)
{
    const bool saved = !forSaving && !inv.positional().isEmpty();
    if (int(saved) + int(inv.isSet(u"curl"_s)) + int(inv.isSet(u"har"_s)) != 1
        || inv.positional().size() > 1) {
        inv.usage(u"Give one request: a saved REQUEST, --curl 'curl ...' or --har FILE."_s);
        return std::nullopt;
    }
    if (!forSaving && inv.isSet(u"env"_s) && !saved) {
        inv.usage(u"--env applies to a saved request."_s);
        return std::nullopt;
    }
    replay::CurlImport source;
    std::optional<replay::AuthBinding> savedBinding;
    if (saved) {
        Result<Request> r = savedRequest(inv.positional().first(), inv.value(u"env"_s));
        if (!r) {
            inv.fail(r.error());
            return std::nullopt;
        }
        if (r->auth.kind != replay::AuthBinding::Kind::None)
            savedBinding = r->auth;
        source.requests.append(std::move(r).value());
    } else if (inv.isSet(u"har"_s)) {
        Result<QByteArray> bytes = io::readFile(inv.value(u"har"_s), 512LL * 1024 * 1024);
        if (!bytes) {
            inv.fail(bytes.error());
            return std::nullopt;
        }
        replay::HarFilter filter;
        filter.host = inv.value(u"host"_s);
        filter.method = inv.value(u"method"_s).toUtf8();
        filter.status = inv.value(u"status"_s).toInt();
        Result<QList<replay::HarEntry>> entries = replay::importHar(*bytes, filter);
        if (!entries) {
            inv.fail(entries.error());
            return std::nullopt;
        }
        bool ok = true;
        const int wanted = inv.isSet(u"entry"_s) ? inv.value(u"entry"_s).toInt(&ok) : -1;
        if (!ok) {
            inv.usage(u"--entry takes a number (from 0)."_s);
            return std::nullopt;
        }
        for (const replay::HarEntry &e : std::as_const(*entries)) {
            if (wanted >= 0 && e.index != wanted)
                continue;
            // A HAR holds what the browser sent: its credentials are offered like a curl's.
            source.credentials += replay::detectCredentials(e.request, int(source.requests.size()));
            source.requests.append(e.request);
            source.notes += e.notes;
        }
        if (source.requests.isEmpty()) {
            inv.fail(Error::input(u"no-entry"_s,
                wanted >= 0 ? u"The HAR has no entry %1 (that passes the filters)."_s.arg(wanted)
                            : u"No HAR entry passes the filters."_s));
            return std::nullopt;
        }
    } else {
        replay::CurlContext ctx;
        ctx.workingDir = QDir::current();
        const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        ctx.env = [env](const QString &name) -> std::optional<QByteArray> {
            if (!env.contains(name))
                return std::nullopt;
            return env.value(name).toUtf8();
        };
        ctx.readStdin = [] { return io::readFile(u"-"_s, 64 * 1024 * 1024); };
        Result<replay::CurlImport> imported =
            replay::importCurl(inv.value(u"curl"_s).toUtf8(), ctx);
        if (!imported) {
            inv.fail(imported.error());
            return std::nullopt;
        }
        source = std::move(imported).value();
    }
    Prepared p { std::move(source), std::nullopt, {} };

    // --with binds the item given; a saved request brings its own binding (--with overrides it).
    const QString itemRef = inv.isSet(u"with"_s) ? inv.value(u"with"_s)
        : savedBinding                           ? savedBinding->item
                                                 : QString();
    if (!itemRef.isEmpty()) {
        Result<Vault *> v = Vault::openDefault(&inv);
        if (!v) {
            inv.fail(v.error());
            return std::nullopt;
        }
        p.item = (*v)->find(itemRef);
        if (!p.item) {
            inv.fail(Error::input(u"not-found"_s,
                savedBinding && !inv.isSet(u"with"_s)
                    ? u"The saved request is bound to \"%1\", which is not in the vault; bind "
                      "another item with --with ITEM."_s.arg(itemRef)
                    : u"No item is named or has the id \"%1\"."_s.arg(itemRef)));
            return std::nullopt;
        }
        replay::AuthBinding binding = inv.isSet(u"with"_s) || !savedBinding
            ? replay::bindingFor(*p.item, inv.value(u"basic-user"_s))
            : *savedBinding;
        binding.item = p.item->name;
        for (Request &r : p.import.requests) {
            if (Result<void> b = replay::applyBinding(r, binding, p.item->name, nullptr); !b) {
                inv.fail(b.error());
                return std::nullopt;
            }
        }
    }
    for (const Request &r : std::as_const(p.import.requests)) {
        replay::FindingContext fc;
        fc.item = p.item;
        if (!forSaving)
            fc.allowedOrigins = inv.values(u"allow-origin"_s);
        p.findings.append(replay::requestFindings(r, fc));
    }
    return p;
}

QJsonObject dryRunJson(const Prepared &p)
{
    QJsonArray requests;
    for (int i = 0; i < p.import.requests.size(); ++i) {
        const Request &r = p.import.requests[i];
        QJsonObject o {
            { u"method"_s, QString::fromUtf8(r.method) },
            { u"url"_s, r.url },
            { u"headers"_s, headersJson(r.headers) },
        };
        putBody(o, r.body);
        o.insert(u"reads"_s, QJsonArray::fromStringList(r.reads));
        o.insert(u"findings"_s, jose::toJson(p.findings.value(i)));
        requests.append(o);
    }
    QJsonArray credentials;
    for (const replay::DetectedCredential &c : p.import.credentials)
        credentials.append(QJsonObject { { u"kind"_s, replay::credentialKindId(c.kind) },
            { u"request"_s, c.request }, { u"name"_s, c.name }, { u"where"_s, c.where } });
    return QJsonObject {
        { u"requests"_s, requests },
        { u"credentials"_s, credentials },
        { u"unknown_options"_s, QJsonArray::fromStringList(p.import.unknownOptions) },
        { u"ignored_options"_s, QJsonArray::fromStringList(p.import.ignoredOptions) },
        { u"notes"_s, QJsonArray::fromStringList(p.import.notes) },
    };
}

bool anyError(const Prepared &p)
{
    for (const jose::Findings &f : p.findings) {
        if (jose::hasError(f))
            return true;
    }
    return false;
}

void printFindings(QTextStream &err, const jose::Findings &findings)
{
    for (const jose::Finding &f : findings)
        err << f.severityName() << " [" << f.id << "] " << f.message << '\n';
}

// The request as text: the request line, the headers, a blank line and the body (or its size).
void printRequest(QTextStream &out, const Request &r)
{
    out << QString::fromUtf8(r.method) << ' ' << r.url << '\n';
    for (const replay::Header &h : r.headers)
        out << QString::fromUtf8(h.first) << ": " << QString::fromUtf8(h.second) << '\n';
    if (!r.body)
        return;
    out << '\n';
    if (isUtf8Text(*r.body))
        out << QString::fromUtf8(*r.body) << '\n';
    else
        out << "(" << r.body->size() << " bytes of binary data)\n";
}

void printImportText(Invocation &inv, const Prepared &p)
{
    QTextStream &out = inv.out();
    for (int i = 0; i < p.import.requests.size(); ++i) {
        printRequest(out, p.import.requests[i]);
        out << '\n';
        printFindings(inv.err(), p.findings.value(i));
    }
    out.flush();
}

void printNotes(Invocation &inv, const Prepared &p)
{
    for (const QString &u : p.import.unknownOptions)
        inv.err() << "warning: unknown curl option " << u << " (not applied)\n";
    for (const QString &n : p.import.notes)
        inv.err() << "note: " << n << '\n';
    for (const replay::DetectedCredential &c : p.import.credentials)
        inv.err() << "note: request " << c.request + 1 << " carries a credential in the " << c.where
                  << ": move it into the vault (keys add) and bind it with --with ITEM.\n";
    inv.err().flush();
}

// Sends the prepared requests one after another through a BoundSender: the credential is read at
// send time (an OAuth token fresh from the connection manager, with one refresh and one retry
// when the server rejects it), and every attempt is recorded, redacted.
class Run : public QObject
{
public:
    Run(Invocation &inv, Prepared prepared)
        : QObject(&inv)
        , m_inv(inv)
        , m_p(std::move(prepared))
        , m_network(new QNetworkAccessManager(this))
        , m_sender(new replay::Sender(m_network, this))
    {
    }

    void start()
    {
        Result<std::unique_ptr<replay::History>> history =
            replay::History::open(paths::databaseFile());
        if (!history) {
            m_inv.fail(history.error());
            return;
        }
        m_history = std::move(history).value();
        for (const replay::DetectedCredential &c : std::as_const(m_p.import.credentials))
            m_redactions.append({ c.value, "\u2039redacted\u203a"_ba });
        Vault *store = nullptr;
        oauth::ConnectionManager *connections = nullptr;
        if (m_p.item) {
            Result<Vault *> v = Vault::openDefault(this);
            if (!v) {
                m_inv.fail(v.error());
                return;
            }
            store = *v;
            if (m_p.item->kind == vault::ItemKind::OAuth)
                connections = new oauth::ConnectionManager(store, m_network, this);
        }
        m_bound = new replay::BoundSender(store, connections, m_sender, this);
        next();
    }

private:
    void next()
    {
        if (m_index >= m_p.import.requests.size()) {
            if (m_inv.json())
                m_inv.printJson(m_results.size() == 1
                        ? m_results.first().toObject()
                        : QJsonObject { { u"responses"_s, m_results } });
            m_inv.finish(m_worst);
            return;
        }
        m_bound->send(m_p.import.requests[m_index], m_p.item, m_redactions,
            [this](replay::SendOutcome outcome) {
                for (const replay::HistoryEntry &e : std::as_const(outcome.history))
                    record(e);
                if (outcome.error) {
                    m_inv.fail(*outcome.error);
                    return;
                }
                const replay::Response &resp = outcome.response;
                if (resp.status >= 400)
                    m_worst = std::max(m_worst, int(ExitInvalid));
                if (m_inv.json()) {
                    QJsonObject o { { u"status"_s, resp.status },
                        { u"headers"_s, headersJson(resp.headers) }, { u"time_ms"_s, resp.timeMs },
                        { u"ttfb_ms"_s, resp.ttfbMs }, { u"url"_s, resp.finalUrl },
                        { u"diagnosis"_s, replay::toJson(outcome.diagnosis) },
                        { u"notes"_s, QJsonArray::fromStringList(resp.notes) },
                        { u"refreshed"_s, outcome.refreshed },
                        { u"attempts"_s, int(outcome.history.size()) } };
                    putBody(o, resp.body);
                    m_results.append(o);
                } else {
                    m_inv.writeRaw(resp.body);
                    m_inv.err() << resp.status << ' ' << QString::fromUtf8(resp.reason) << " ("
                                << resp.timeMs << " ms, " << resp.body.size() << " bytes)\n";
                    for (const QString &n : resp.notes)
                        m_inv.err() << "note: " << n << '\n';
                    for (const replay::Diagnosis &d : std::as_const(outcome.diagnosis))
                        m_inv.err() << d.message << '\n';
                    m_inv.err().flush();
                }
                ++m_index;
                next();
            });
    }

    void record(const replay::HistoryEntry &entry)
    {
        if (Result<void> w = m_history->append(entry); !w)
            m_inv.err() << "warning: not recorded in the history: " << w.error().message << '\n';
    }

    Invocation &m_inv;
    Prepared m_p;
    std::unique_ptr<replay::History> m_history;
    QList<replay::Redaction> m_redactions;
    QNetworkAccessManager *m_network;
    replay::Sender *m_sender;
    replay::BoundSender *m_bound = nullptr;
    qsizetype m_index = 0;
    QJsonArray m_results;
    int m_worst = ExitOk;
};

// --export-curl: the command for bash, credentials as $(keyhaven-cli secret|token ITEM).
void exportCurlRun(Invocation &inv, const Prepared &p)
{
    const replay::CurlExport e = replay::exportCurl(p.import.requests, p.item);
    QStringList notes = e.notes;
    for (const replay::DetectedCredential &c : p.import.credentials) {
        if (c.value.isEmpty() || !e.command.contains(c.value))
            continue; // a binding replaced it
        notes.append(u"Request %1 carries a pasted credential in the %2: it is in the printed "
                     "command; move it into the vault (keys add) and bind it with --with ITEM."_s
                         .arg(c.request + 1)
                         .arg(c.where));
    }
    if (inv.json()) {
        QJsonArray findings;
        for (const jose::Findings &f : p.findings)
            findings.append(jose::toJson(f));
        inv.printJson(QJsonObject { { u"curl"_s, QString::fromUtf8(e.command) },
            { u"findings"_s, findings }, { u"notes"_s, QJsonArray::fromStringList(notes) } });
    } else {
        inv.writeRaw(e.command);
        for (const jose::Findings &f : p.findings)
            printFindings(inv.err(), f);
        for (const QString &n : std::as_const(notes))
            inv.err() << "note: " << n << '\n';
        inv.err().flush();
    }
    // A command that would send the credential where it does not belong is still printed (it
    // holds no secret), but the exit status says what replay itself would do.
    inv.finish(anyError(p) ? ExitInvalid : ExitOk);
}

void replayRun(Invocation &inv)
{
    std::optional<Prepared> p = prepare(inv);
    if (!p)
        return;
    if (inv.isSet(u"export-curl"_s)) {
        if (!p->import.unknownOptions.isEmpty()) {
            inv.fail(Error::input(u"unknown-option"_s,
                u"Not exported: curl options that replay does not know (%1) would be lost."_s.arg(
                    p->import.unknownOptions.join(u", "_s))));
            return;
        }
        exportCurlRun(inv, *p);
        return;
    }
    if (inv.isSet(u"dry-run"_s)) {
        if (inv.json()) {
            inv.printJson(dryRunJson(*p));
        } else {
            printImportText(inv, *p);
            printNotes(inv, *p);
        }
        inv.finish(anyError(*p) ? ExitInvalid : ExitOk);
        return;
    }
    printNotes(inv, *p);
    if (!p->import.unknownOptions.isEmpty()) {
        inv.fail(Error::input(u"unknown-option"_s,
            u"Not sent: curl options that replay does not know (%1) might change the request. "
            "Remove them, or look at --dry-run."_s.arg(p->import.unknownOptions.join(u", "_s))));
        return;
    }
    for (const jose::Findings &f : std::as_const(p->findings))
        printFindings(inv.err(), f);
    inv.err().flush();
    if (anyError(*p)) {
        // DESIGN.md: a blocking request finding exits 1 (not a usage error).
        if (inv.json())
            inv.printJson(dryRunJson(*p));
        inv.err() << "keyhaven-cli: not sent: the request has a blocking finding (see above)."
                  << Qt::endl;
        inv.finish(ExitInvalid);
        return;
    }
    auto *run = new Run(inv, std::move(*p));
    run->start();
}

void historyRun(Invocation &inv)
{
    bool ok = true;
    const int limit = inv.isSet(u"limit"_s) ? inv.value(u"limit"_s).toInt(&ok) : 50;
    if (!ok || limit <= 0) {
        inv.usage(u"--limit takes a positive number."_s);
        return;
    }
    Result<std::unique_ptr<replay::History>> history = replay::History::open(paths::databaseFile());
    if (!history) {
        inv.fail(history.error());
        return;
    }
    Result<QList<replay::HistoryEntry>> entries = (*history)->list(limit);
    if (!entries) {
        inv.fail(entries.error());
        return;
    }
    if (inv.json()) {
        QJsonArray a;
        for (const replay::HistoryEntry &e : std::as_const(*entries))
            a.append(e.toJson());
        inv.printJson(QJsonObject { { u"history"_s, a } });
    } else {
        for (const replay::HistoryEntry &e : std::as_const(*entries)) {
            inv.out() << e.id << "  " << e.at.toString(Qt::ISODate) << "  "
                      << (e.status ? QString::number(e.status) : u"---"_s) << "  "
                      << QString::fromUtf8(e.method) << ' ' << e.url << "  " << e.timeMs << " ms"
                      << (e.item.isEmpty() ? QString() : u"  with "_s + e.item) << '\n';
            for (const replay::Diagnosis &d : e.diagnosis)
                inv.out() << "      " << d.message << '\n';
            if (!e.error.isEmpty())
                inv.out() << "      " << e.error << '\n';
        }
        inv.out().flush();
    }
    inv.finish(ExitOk);
}

QString bindingText(const replay::AuthBinding &a)
{
    switch (a.kind) {
    case replay::AuthBinding::Kind::None:
        return {};
    case replay::AuthBinding::Kind::ApiKey:
        return u"with %1 (%2 %3)"_s.arg(a.item,
            a.placement == replay::AuthBinding::Placement::Query        ? u"query parameter"_s
                : a.placement == replay::AuthBinding::Placement::Cookie ? u"cookie"_s
                                                                        : u"header"_s,
            QString::fromUtf8(a.headerName));
    case replay::AuthBinding::Kind::JwtBearer:
        return u"with %1 (Bearer)"_s.arg(a.item);
    case replay::AuthBinding::Kind::OAuth:
        return u"with %1 (OAuth Bearer)"_s.arg(a.item);
    case replay::AuthBinding::Kind::Basic:
        return u"with %1 (Basic, user %2)"_s.arg(a.item, a.user);
    }
    return {};
}

std::unique_ptr<replay::Collections> collectionsOrFail(Invocation &inv)
{
    Result<std::unique_ptr<replay::Collections>> store = openCollections();
    if (!store) {
        inv.fail(store.error());
        return nullptr;
    }
    return std::move(store).value();
}

void requestsList(Invocation &inv)
{
    if (!inv.positional().isEmpty())
        return inv.usage(u"requests list takes no arguments."_s);
    std::unique_ptr<replay::Collections> store = collectionsOrFail(inv);
    if (!store)
        return;
    QStringList unreadable;
    Result<QList<replay::Collection>> all = store->list(&unreadable);
    if (!all)
        return inv.fail(all.error());
    for (const QString &u : std::as_const(unreadable))
        inv.err() << "warning: a saved collection cannot be read: " << u << '\n';
    inv.err().flush();
    if (inv.json()) {
        QJsonArray a;
        for (const replay::Collection &c : std::as_const(*all))
            a.append(QJsonDocument::fromJson(replay::exportCollection(c)).object());
        inv.printJson(QJsonObject { { u"collections"_s, a } });
        return inv.finish(ExitOk);
    }
    QTextStream &out = inv.out();
    if (all->isEmpty())
        out << "No saved requests. Save one with: keyhaven-cli requests save COLLECTION/NAME "
               "--curl 'curl ...' [--with ITEM]\n";
    for (const replay::Collection &c : std::as_const(*all)) {
        QStringList envs;
        for (const replay::Environment &e : c.environments)
            envs.append(e.name);
        out << c.name;
        if (!envs.isEmpty())
            out << "  (environments: " << envs.join(u", "_s) << ')';
        out << '\n';
        for (const replay::SavedRequest &r : c.requests) {
            out << "  " << c.name << '/' << r.name << "  " << QString::fromUtf8(r.request.method)
                << ' ' << r.request.url;
            const QString with = bindingText(r.request.auth);
            if (!with.isEmpty())
                out << "  " << with;
            out << '\n';
        }
    }
    out.flush();
    inv.finish(ExitOk);
}

void requestsShow(Invocation &inv)
{
    if (inv.positional().size() != 1)
        return inv.usage(u"requests show takes one REQUEST (COLLECTION/NAME)."_s);
    std::unique_ptr<replay::Collections> store = collectionsOrFail(inv);
    if (!store)
        return;
    Result<std::pair<replay::Collection, replay::SavedRequest>> found =
        store->find(inv.positional().first());
    if (!found)
        return inv.fail(found.error());
    const auto &[collection, saved] = *found;
    std::optional<Request> resolved;
    if (inv.isSet(u"env"_s)) {
        Result<Request> r = replay::resolveRequest(collection, saved, inv.value(u"env"_s));
        if (!r)
            return inv.fail(r.error());
        resolved = std::move(r).value();
    }
    const QStringList variables = replay::variablesUsed(saved.request);
    if (inv.json()) {
        QJsonObject o { { u"collection"_s, collection.name },
            { u"request"_s, replay::savedRequestJson(saved) },
            { u"variables"_s, QJsonArray::fromStringList(variables) } };
        if (resolved) {
            QJsonObject r { { u"method"_s, QString::fromUtf8(resolved->method) },
                { u"url"_s, resolved->url }, { u"headers"_s, headersJson(resolved->headers) } };
            putBody(r, resolved->body);
            o.insert(u"resolved"_s, r);
        }
        inv.printJson(o);
        return inv.finish(ExitOk);
    }
    const Request &r = resolved ? *resolved : saved.request;
    QTextStream &out = inv.out();
    out << "# " << collection.name << '/' << saved.name << '\n';
    if (!bindingText(r.auth).isEmpty())
        out << "# " << bindingText(r.auth) << '\n';
    if (!variables.isEmpty())
        out << "# variables: " << variables.join(u", "_s)
            << (resolved ? u" (from %1)"_s.arg(inv.value(u"env"_s)) : QString()) << '\n';
    printRequest(out, r);
    out.flush();
    inv.finish(ExitOk);
}

void requestsRm(Invocation &inv)
{
    const bool whole = inv.isSet(u"collection"_s);
    if (whole == (inv.positional().size() == 1) || inv.positional().size() > 1)
        return inv.usage(
            u"requests rm takes one REQUEST (COLLECTION/NAME) or --collection NAME."_s);
    std::unique_ptr<replay::Collections> store = collectionsOrFail(inv);
    if (!store)
        return;
    QString removed;
    if (whole) {
        if (Result<void> r = store->remove(inv.value(u"collection"_s)); !r)
            return inv.fail(r.error());
        removed = inv.value(u"collection"_s);
    } else {
        Result<std::pair<replay::Collection, replay::SavedRequest>> found =
            store->find(inv.positional().first());
        if (!found)
            return inv.fail(found.error());
        if (Result<void> r = store->removeRequest(found->first.name, found->second.name); !r)
            return inv.fail(r.error());
        removed = found->first.name + u'/' + found->second.name;
    }
    if (inv.json())
        inv.printJson(QJsonObject { { u"removed"_s, removed } });
    else
        inv.out() << "Removed " << removed << '.' << Qt::endl;
    inv.finish(ExitOk);
}

void requestsExport(Invocation &inv)
{
    if (inv.positional().size() != 1)
        return inv.usage(u"requests export takes one COLLECTION."_s);
    std::unique_ptr<replay::Collections> store = collectionsOrFail(inv);
    if (!store)
        return;
    Result<replay::Collection> c = store->get(inv.positional().first());
    if (!c)
        return inv.fail(c.error());
    const QByteArray json = replay::exportCollection(*c);
    const QString path = inv.isSet(u"out"_s) ? inv.value(u"out"_s) : u"-"_s;
    if (path == u"-"_s) {
        inv.writeRaw(json);
        return inv.finish(ExitOk);
    }
    if (Result<void> w = io::writeFile(path, json); !w)
        return inv.fail(w.error());
    if (inv.json())
        inv.printJson(QJsonObject { { u"exported"_s, c->name }, { u"file"_s, path },
            { u"requests"_s, qint64(c->requests.size()) } });
    else
        inv.out() << "Exported " << c->name << " to " << path << " (no secrets: items by name)."
                  << Qt::endl;
    inv.finish(ExitOk);
}

void requestsImport(Invocation &inv)
{
    if (inv.positional().size() != 1)
        return inv.usage(u"requests import takes one FILE (- = standard input)."_s);
    Result<QByteArray> bytes = io::readFile(inv.positional().first(), 64LL * 1024 * 1024);
    if (!bytes)
        return inv.fail(bytes.error());
    Result<replay::Collection> c = replay::importCollection(*bytes);
    if (!c)
        return inv.fail(c.error());
    std::unique_ptr<replay::Collections> store = collectionsOrFail(inv);
    if (!store)
        return;
    Result<replay::Collection> existing = store->get(c->name);
    if (existing && !inv.isSet(u"replace"_s))
        return inv.fail(Error::input(u"collection-exists"_s,
            u"A collection named \"%1\" exists; --replace replaces it."_s.arg(c->name)));
    if (!existing && existing.error().id != u"not-found")
        return inv.fail(existing.error());
    if (Result<void> r = store->put(*c); !r)
        return inv.fail(r.error());
    if (inv.json())
        inv.printJson(
            QJsonObject { { u"imported"_s, c->name }, { u"requests"_s, qint64(c->requests.size()) },
                { u"environments"_s, qint64(c->environments.size()) } });
    else
        inv.out() << "Imported " << c->name << ": " << c->requests.size()
                  << (c->requests.size() == 1 ? " request, " : " requests, ")
                  << c->environments.size()
                  << (c->environments.size() == 1 ? " environment." : " environments.") << Qt::endl;
    inv.finish(ExitOk);
}

void requestsSave(Invocation &inv)
{
    if (inv.positional().size() != 1 || !inv.positional().first().contains(u'/'))
        return inv.usage(u"requests save takes COLLECTION/NAME and --curl or --har."_s);
    const QString ref = inv.positional().first();
    std::optional<Prepared> p = prepare(inv, true);
    if (!p)
        return;
    if (p->import.requests.size() != 1)
        return inv.fail(Error::input(u"several-requests"_s,
            u"The command sends %1 requests; a saved request is one (pick a HAR entry with "
            "--entry N, or split the curl command at --next)."_s.arg(p->import.requests.size())));
    if (!p->import.unknownOptions.isEmpty())
        return inv.fail(Error::input(u"unknown-option"_s,
            u"Not saved: curl options that replay does not know (%1) would be lost."_s.arg(
                p->import.unknownOptions.join(u", "_s))));
    replay::SavedRequest saved;
    saved.name = ref.mid(ref.indexOf(u'/') + 1);
    saved.request = p->import.requests.first();
    saved.request.reads.clear();
    replay::removeBoundCredential(saved.request);
    std::unique_ptr<replay::Collections> store = collectionsOrFail(inv);
    if (!store)
        return;
    const QString collection = ref.left(ref.indexOf(u'/'));
    if (Result<void> r = store->saveRequest(collection, saved); !r)
        return inv.fail(r.error());
    const QStringList variables = replay::variablesUsed(saved.request);
    if (inv.json()) {
        inv.printJson(
            QJsonObject { { u"saved"_s, ref }, { u"request"_s, replay::savedRequestJson(saved) },
                { u"variables"_s, QJsonArray::fromStringList(variables) } });
    } else {
        inv.out() << "Saved " << ref;
        if (!bindingText(saved.request.auth).isEmpty())
            inv.out() << ' ' << bindingText(saved.request.auth);
        inv.out() << '.' << Qt::endl;
    }
    inv.finish(ExitOk);
}

// requests env COLLECTION NAME [VAR=VALUE]... [--unset VAR]... | --rm
void requestsEnv(Invocation &inv)
{
    const QStringList args = inv.positional();
    if (args.size() < 2)
        return inv.usage(u"requests env takes COLLECTION NAME and VAR=VALUE pairs (or --rm)."_s);
    std::unique_ptr<replay::Collections> store = collectionsOrFail(inv);
    if (!store)
        return;
    const QString collection = args.at(0);
    const QString name = args.at(1);
    if (inv.isSet(u"rm"_s)) {
        if (args.size() > 2 || inv.isSet(u"unset"_s) || inv.isSet(u"rename"_s))
            return inv.usage(u"--rm takes no variables and no --rename."_s);
        if (Result<void> r = store->removeEnvironment(collection, name); !r)
            return inv.fail(r.error());
        if (inv.json())
            inv.printJson(QJsonObject { { u"removed"_s, QString(collection + u'/' + name) } });
        else
            inv.out() << "Removed the environment " << name << " of " << collection << '.'
                      << Qt::endl;
        return inv.finish(ExitOk);
    }
    Result<replay::Collection> c = store->get(collection);
    if (!c)
        return inv.fail(c.error());
    replay::Environment env;
    env.name = name;
    if (const replay::Environment *existing = c->environment(name))
        env = *existing;
    // --rename NEW: the same environment under a new name (the store refuses a NEW that is
    // taken, and a NAME the collection does not have).
    std::optional<QString> editing;
    if (inv.isSet(u"rename"_s)) {
        editing = name;
        env.name = inv.value(u"rename"_s).trimmed();
    }
    for (const QString &pair : args.mid(2)) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0)
            return inv.usage(u"\"%1\" is not VAR=VALUE."_s.arg(pair));
        env.variables.insert(pair.left(eq), pair.mid(eq + 1));
    }
    for (const QString &var : inv.values(u"unset"_s))
        env.variables.remove(var);
    if (Result<void> r = store->saveEnvironment(collection, env, editing); !r)
        return inv.fail(r.error());
    if (inv.json()) {
        QJsonObject vars;
        for (auto it = env.variables.cbegin(); it != env.variables.cend(); ++it)
            vars.insert(it.key(), it.value());
        QJsonObject out { { u"collection"_s, collection }, { u"environment"_s, env.name },
            { u"variables"_s, vars } };
        if (editing)
            out.insert(u"renamedFrom"_s, *editing);
        inv.printJson(out);
    } else {
        if (editing)
            inv.out() << "Renamed " << *editing << " to " << env.name << ".\n";
        inv.out() << collection << " / " << env.name << ":\n";
        for (auto it = env.variables.cbegin(); it != env.variables.cend(); ++it)
            inv.out() << "  " << it.key() << '=' << it.value() << '\n';
        inv.out().flush();
    }
    inv.finish(ExitOk);
}

// Where a request comes from (replay, requests save) and the item bound to it.
QList<QCommandLineOption> sourceOptions()
{
    return {
        QCommandLineOption(u"curl"_s, u"A curl command line (as pasted)."_s, u"COMMAND"_s),
        QCommandLineOption(u"har"_s, u"A HAR 1.2 file."_s, u"FILE"_s),
        QCommandLineOption(u"entry"_s, u"The HAR entry to replay (from 0)."_s, u"N"_s),
        QCommandLineOption(u"host"_s, u"HAR: only entries to this host."_s, u"HOST"_s),
        QCommandLineOption(u"method"_s, u"HAR: only entries with this method."_s, u"METHOD"_s),
        QCommandLineOption(
            u"status"_s, u"HAR: only entries whose recorded answer had this status."_s, u"CODE"_s),
        QCommandLineOption(u"with"_s, u"Bind this vault item's credential."_s, u"ITEM"_s),
        QCommandLineOption(
            u"basic-user"_s, u"Basic auth: this user with the item's secret."_s, u"USER"_s),
    };
}

} // namespace

QList<Command> replayCommands()
{
    return {
        Command {
            { u"replay"_s },
            u"REQUEST [--env NAME] | --curl 'curl ...' | --har FILE [--entry N] [--with ITEM] "
            "[--basic-user USER] [--allow-origin ORIGIN]... [--dry-run | --export-curl] [--json]"_s,
            u"Send a request with a vault credential; explain 401/403/407/429"_s,
            sourceOptions() + QList<QCommandLineOption> {
                QCommandLineOption(u"env"_s,
                    u"A saved request: fill its {{variables}} from this environment of its "
                    "collection."_s,
                    u"NAME"_s),
                QCommandLineOption(u"allow-origin"_s,
                    u"Allow the credential to go to this origin for this request."_s, u"ORIGIN"_s),
                QCommandLineOption(u"dry-run"_s, u"Print what would be sent; send nothing."_s),
                QCommandLineOption(u"export-curl"_s,
                    u"Print the request as a curl command for bash, the credential as "
                    "\"$(keyhaven-cli secret ITEM)\"; send nothing."_s),
                jsonOption(),
            },
            { u"REQUEST"_s },
            replayRun,
            u"REQUEST is a saved request (COLLECTION/NAME, or a NAME only one collection has; see "
            "requests list): its {{variables}} come from --env NAME, its item binding is used "
            "unless --with names another. "
            "--curl imports the command as curl would send it (several requests for several URLs "
            "or --next). With --with ITEM the item's credential is attached: an API key in its "
            "header, a JWT as Bearer, an OAuth connection's access token as Bearer (refreshed when "
            "it "
            "expires within 60 s; a 401 invalid_token gets one refresh and one retry, never "
            "more), or Basic with --basic-user. The credential "
            "only goes to the item's base URLs (or --allow-origin), never follows a redirect to "
            "another origin, and TLS is verified unless the command says -k.\n"
            "--dry-run --json prints {\"requests\": [{method, url, headers: [[name, value]...], "
            "body | body_base64, reads, findings}]} with vault credentials as \u2039item "
            "NAME\u203a.\n"
            "--export-curl prints a curl command line for bash that holds no secret: each "
            "credential is \"$(keyhaven-cli secret ITEM)\" (an OAuth connection: "
            "\"$(keyhaven-cli token CONNECTION)\"), Basic is -u USER:\"$(...)\".\n"
            "Sending prints the response body on stdout, the status and diagnosis on stderr; "
            "--json prints {status, headers, body | body_base64, time_ms, diagnosis, refreshed, "
            "attempts}.\n"
            "Exit: 0 ok, 1 a 4xx/5xx answer or a blocking finding, 2 usage or malformed input "
            "(also where curl itself would refuse), 3 network, keychain or database."_s,
        },
        Command {
            { u"requests"_s, u"list"_s },
            u"[--json]"_s,
            u"List saved requests by collection, with their environments"_s,
            { jsonOption() },
            {},
            requestsList,
            u"--json prints {\"collections\": [...]}, each collection as requests export writes "
            "it."_s,
        },
        Command {
            { u"requests"_s, u"show"_s },
            u"REQUEST [--env NAME] [--json]"_s,
            u"Show a saved request (with --env: its variables filled in)"_s,
            { QCommandLineOption(u"env"_s, u"Fill the {{variables}} from this environment."_s,
                  u"NAME"_s),
                jsonOption() },
            { u"REQUEST"_s },
            requestsShow,
            u"REQUEST is COLLECTION/NAME, or a NAME only one collection has. The credential is "
            "never shown: a request holds the name of its vault item.\n"
            "--json prints {collection, request, variables, resolved (with --env)}."_s,
        },
        Command {
            { u"requests"_s, u"save"_s },
            u"COLLECTION/NAME --curl 'curl ...' | --har FILE [--entry N] [--with ITEM] "
            "[--basic-user USER] [--json]"_s,
            u"Save a request into a collection (created when missing)"_s,
            sourceOptions() + QList<QCommandLineOption> { jsonOption() },
            { u"COLLECTION/NAME"_s },
            requestsSave,
            u"The request keeps a reference to the item given with --with, never its secret: a "
            "credential pasted into the command (Authorization or key header, session cookie, "
            "key in the query, secret form field) is refused; add it to the vault (keys add) and "
            "bind it with --with. {{variables}} in the URL, header values and body are filled "
            "from an environment when the request is sent (replay REQUEST --env NAME). A request "
            "with the same name is replaced."_s,
        },
        Command {
            { u"requests"_s, u"rm"_s },
            u"REQUEST | --collection NAME [--json]"_s,
            u"Remove a saved request, or a whole collection"_s,
            { QCommandLineOption(
                  u"collection"_s, u"Remove this collection and all its requests."_s, u"NAME"_s),
                jsonOption() },
            { u"REQUEST"_s },
            requestsRm,
        },
        Command {
            { u"requests"_s, u"export"_s },
            u"COLLECTION [--out FILE|-] [--json]"_s,
            u"Write a collection as JSON for git (stable order, no secrets)"_s,
            { QCommandLineOption(u"out"_s, u"Write here (default: standard output)."_s, u"FILE"_s),
                jsonOption() },
            { u"COLLECTION"_s },
            requestsExport,
            u"Prints {\"format\": \"keyhaven-collection\", \"version\": 1, name, ca_file, "
            "environments: [{name, variables}], requests: [{name, method, url, headers: [[name, "
            "value]...], body | body_base64, body_kind, auth: {kind, item, user, name, in}, "
            "options}]}. Keys are sorted, environments by name, requests in order: the same "
            "collection always gives the same bytes. Credentials are item names."_s,
        },
        Command {
            { u"requests"_s, u"import"_s },
            u"FILE|- [--replace] [--json]"_s,
            u"Read a collection written by requests export"_s,
            { QCommandLineOption(u"replace"_s, u"Replace a collection of the same name."_s),
                jsonOption() },
            { u"FILE"_s },
            requestsImport,
            u"A file that carries a credential (in a header, cookie, query or a secret-looking "
            "variable) is refused, and so is one that is not a Keyhaven collection."_s,
        },
        Command {
            { u"requests"_s, u"env"_s },
            u"COLLECTION NAME [VAR=VALUE]... [--unset VAR]... [--rename NEW] | --rm [--json]"_s,
            u"Add, change or rename an environment of a collection (non-secret variables)"_s,
            { QCommandLineOption(u"unset"_s, u"Remove this variable."_s, u"VAR"_s),
                QCommandLineOption(u"rename"_s,
                    u"Give the environment a new name (not one another environment has)."_s,
                    u"NEW"_s),
                QCommandLineOption(u"rm"_s, u"Remove the environment."_s), jsonOption() },
            { u"COLLECTION"_s, u"NAME"_s, u"VAR=VALUE"_s },
            requestsEnv,
            u"Variables are stored in plain text and exported with the collection: a variable "
            "whose name says it is a secret (token, password, api_key, client_secret...) is "
            "refused. Keep secrets in the vault and bind their items to the requests."_s,
        },
        Command {
            { u"history"_s },
            u"[--limit N] [--json]"_s,
            u"List past replays, newest first (credentials redacted)"_s,
            { QCommandLineOption(u"limit"_s, u"How many entries (default 50)."_s, u"N"_s),
                jsonOption() },
            {},
            historyRun,
            u"Every replay is recorded with each credential replaced by \u2039item NAME\u203a "
            "(or \u2039redacted\u203a for one pasted into the command): headers, query, body, "
            "cookies and any bytes equal to the vault secret. Set-Cookie values are redacted; "
            "response bodies are not stored.\n"
            "--json prints {\"history\": [{id, at, item, method, url, request_headers, "
            "request_body, status, response_headers, size, time_ms, ttfb_ms, diagnosis, "
            "error}]}."_s,
        },
    };
}

} // namespace keyhaven::cli
