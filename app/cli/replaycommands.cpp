// cli/replaycommands.cpp — replay: import a curl command, bind a vault item, check, send, diagnose.
#include "cli/cli.h"
#include "common/io.h"
#include "common/paths.h"
#include "oauth/connectionmanager.h"
#include "replay/authbinding.h"
#include "replay/boundsender.h"
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

// Imports, binds (with placeholders) and checks. Fails the invocation and returns nullopt on error.
std::optional<Prepared> prepare(Invocation &inv)
{
    if (!inv.positional().isEmpty()) {
        inv.fail(Error::input(
            u"not-implemented"_s, u"Saved requests are not available yet; use --curl or --har."_s));
        return std::nullopt;
    }
    if (inv.isSet(u"curl"_s) == inv.isSet(u"har"_s)) {
        inv.usage(u"Give the request: --curl 'curl ...' or --har FILE."_s);
        return std::nullopt;
    }
    replay::CurlImport source;
    if (inv.isSet(u"har"_s)) {
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

    if (inv.isSet(u"with"_s)) {
        Result<Vault *> v = Vault::openDefault(&inv);
        if (!v) {
            inv.fail(v.error());
            return std::nullopt;
        }
        p.item = (*v)->find(inv.value(u"with"_s));
        if (!p.item) {
            inv.fail(Error::input(u"not-found"_s,
                u"No item is named or has the id \"%1\"."_s.arg(inv.value(u"with"_s))));
            return std::nullopt;
        }
        const replay::AuthBinding binding = replay::bindingFor(*p.item, inv.value(u"basic-user"_s));
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

void printImportText(Invocation &inv, const Prepared &p)
{
    QTextStream &out = inv.out();
    for (int i = 0; i < p.import.requests.size(); ++i) {
        const Request &r = p.import.requests[i];
        out << QString::fromUtf8(r.method) << ' ' << r.url << '\n';
        for (const replay::Header &h : r.headers)
            out << QString::fromUtf8(h.first) << ": " << QString::fromUtf8(h.second) << '\n';
        if (r.body) {
            out << '\n';
            if (isUtf8Text(*r.body))
                out << QString::fromUtf8(*r.body) << '\n';
            else
                out << "(" << r.body->size() << " bytes of binary data)\n";
        }
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

} // namespace

QList<Command> replayCommands()
{
    return {
        Command {
            { u"replay"_s },
            u"REQUEST | --curl 'curl ...' | --har FILE [--entry N] [--with ITEM] "
            "[--basic-user USER] [--allow-origin ORIGIN]... [--dry-run | --export-curl] [--json]"_s,
            u"Send a request with a vault credential; explain 401/403/407/429"_s,
            {
                QCommandLineOption(u"curl"_s, u"A curl command line (as pasted)."_s, u"COMMAND"_s),
                QCommandLineOption(u"har"_s, u"A HAR 1.2 file."_s, u"FILE"_s),
                QCommandLineOption(u"entry"_s, u"The HAR entry to replay (from 0)."_s, u"N"_s),
                QCommandLineOption(u"host"_s, u"HAR: only entries to this host."_s, u"HOST"_s),
                QCommandLineOption(
                    u"method"_s, u"HAR: only entries with this method."_s, u"METHOD"_s),
                QCommandLineOption(u"status"_s,
                    u"HAR: only entries whose recorded answer had this status."_s, u"CODE"_s),
                QCommandLineOption(u"with"_s, u"Bind this vault item's credential."_s, u"ITEM"_s),
                QCommandLineOption(
                    u"basic-user"_s, u"Basic auth: this user with the item's secret."_s, u"USER"_s),
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
            u"Imports the curl command as curl would send it (several requests for several URLs "
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
