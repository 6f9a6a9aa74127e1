// cli/oauthcommands.cpp — connections add|list|rm, login, token, logout, introspect.
#include "cli/cli.h"
#include "oauth/connectionmanager.h"
#include "vault/vault.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QStandardPaths>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using keyhaven::oauth::ConnectionManager;
using keyhaven::vault::Item;
using keyhaven::vault::ItemKind;
using keyhaven::vault::Vault;

namespace keyhaven::cli {

namespace {

QCommandLineOption opt(const QString &name, const QString &help, const QString &value = {})
{
    return value.isEmpty() ? QCommandLineOption(name, help) : QCommandLineOption(name, help, value);
}

Vault *openStore(Invocation &inv)
{
    Result<Vault *> v = Vault::openDefault(&inv);
    if (!v) {
        inv.fail(v.error());
        return nullptr;
    }
    return *v;
}

// The vault and a connection manager for this run (all owned by the invocation).
struct Session
{
    Vault *vault = nullptr;
    ConnectionManager *manager = nullptr;
};

std::optional<Session> openSession(Invocation &inv)
{
    Vault *vault = openStore(inv);
    if (!vault)
        return std::nullopt;
    auto *network = new QNetworkAccessManager(&inv);
    return Session { vault, new ConnectionManager(vault, network, &inv) };
}

// The single CONNECTION positional, resolved to an OAuth item; fails the run otherwise.
std::optional<Item> oneConnection(Invocation &inv, Vault *vault)
{
    const QStringList args = inv.positional();
    if (args.size() != 1) {
        inv.usage(args.isEmpty()
                ? u"CONNECTION (a name or an id) is missing."_s
                : u"Expected one CONNECTION, got %1 arguments."_s.arg(args.size()));
        return std::nullopt;
    }
    std::optional<Item> item = vault->find(args.first());
    if (!item || item->kind != ItemKind::OAuth) {
        inv.fail(Error::input(u"not-found"_s,
            item ? u"\"%1\" is not an OAuth connection."_s.arg(args.first())
                 : u"No connection is named or has the id \"%1\"."_s.arg(args.first())));
        return std::nullopt;
    }
    return item;
}

QString connectionState(const Item &item)
{
    if (item.needsLogin)
        return u"log-in-again"_s;
    if (item.accessTokenExpires.isValid() || !item.subject.isEmpty())
        return u"logged-in"_s;
    return u"not-logged-in"_s;
}

QJsonValue timeJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QJsonObject connectionJson(const Item &item)
{
    return QJsonObject {
        { u"id"_s, item.idString() },
        { u"name"_s, item.name },
        { u"issuer"_s, item.issuerUrl },
        { u"client_id"_s, item.clientId },
        { u"scopes"_s, QJsonArray::fromStringList(item.scopes) },
        { u"params"_s, QJsonArray::fromStringList(item.authParams) },
        { u"port"_s, item.redirectPort > 0 ? QJsonValue(item.redirectPort) : QJsonValue() },
        { u"state"_s, connectionState(item) },
        { u"subject"_s, item.subject.isEmpty() ? QJsonValue() : QJsonValue(item.subject) },
        { u"granted_scopes"_s, QJsonArray::fromStringList(item.grantedScopes) },
        { u"access_token_expires"_s, timeJson(item.accessTokenExpires) },
    };
}

// ---- connections add | list | rm ----------------------------------------------------------

void runAdd(Invocation &inv)
{
    const QStringList args = inv.positional();
    if (args.size() != 1)
        return inv.usage(u"Expected one NAME."_s);
    if (!inv.isSet(u"issuer"_s) || !inv.isSet(u"client-id"_s))
        return inv.usage(u"--issuer URL and --client-id ID are required."_s);
    Item item;
    item.kind = ItemKind::OAuth;
    item.name = args.first();
    item.issuerUrl = inv.value(u"issuer"_s);
    item.clientId = inv.value(u"client-id"_s);
    for (const QString &s : inv.values(u"scope"_s))
        item.scopes += s.split(u' ', Qt::SkipEmptyParts);
    if (item.scopes.isEmpty())
        item.scopes = { u"openid"_s };
    static const QRegularExpression param(u"^[A-Za-z0-9_.-]+=.*$"_s);
    for (const QString &p : inv.values(u"param"_s)) {
        if (!param.match(p).hasMatch())
            return inv.usage(u"--param needs KEY=VALUE, got \"%1\"."_s.arg(p));
        item.authParams << p;
    }
    if (inv.isSet(u"port"_s)) {
        bool ok = false;
        const int port = inv.value(u"port"_s).toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return inv.usage(u"--port needs a port number (1-65535)."_s);
        item.redirectPort = port;
    }
    std::optional<Session> s = openSession(inv);
    if (!s)
        return;
    // Discovery first: a typo in the issuer (or an issuer that names itself differently) is
    // caught now, not at the first login.
    s->manager->discover(
        item.issuerUrl, &inv, [&inv, s, item](Result<oauth::ServerMetadata> metadata) mutable {
            if (!metadata)
                return inv.fail(metadata.error());
            s->vault->addItem(item, SecretBytes(), &inv, [&inv](Result<Item> added) {
                if (!added)
                    return inv.fail(added.error());
                if (inv.json())
                    inv.printJson(connectionJson(*added));
                else
                    inv.out() << "Added connection \"" << added->name << "\" (" << added->issuerUrl
                              << "). Log in with: keyhaven-cli login " << added->name << Qt::endl;
                inv.finish(ExitOk);
            });
        });
}

void runList(Invocation &inv)
{
    Vault *vault = openStore(inv);
    if (!vault)
        return;
    QJsonArray all;
    QTextStream &out = inv.out();
    for (const Item &item : vault->items()) {
        if (item.kind != ItemKind::OAuth)
            continue;
        if (inv.json()) {
            all << connectionJson(item);
            continue;
        }
        out << item.name << "  " << item.issuerUrl << "  client " << item.clientId << "  "
            << connectionState(item);
        if (item.accessTokenExpires.isValid())
            out << "  access token until " << item.accessTokenExpires.toString(Qt::ISODate);
        out << '\n';
    }
    if (inv.json())
        inv.printJson(QJsonObject { { u"connections"_s, all } });
    out.flush();
    inv.finish(ExitOk);
}

void runRemove(Invocation &inv)
{
    Vault *vault = openStore(inv);
    if (!vault)
        return;
    std::optional<Item> item = oneConnection(inv, vault);
    if (!item)
        return;
    vault->removeItem(item->id, &inv, [&inv, name = item->name](Result<void> r) {
        if (!r)
            return inv.fail(r.error());
        inv.out() << "Removed connection \"" << name << "\"." << Qt::endl;
        inv.finish(ExitOk);
    });
}

// ---- login --------------------------------------------------------------------------------

int g_signalPipe[2] = { -1, -1 };

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &c, 1);
}

bool haveDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

void runLogin(Invocation &inv)
{
    int timeoutSecs = 5 * 60;
    if (inv.isSet(u"timeout"_s)) {
        bool ok = false;
        timeoutSecs = inv.value(u"timeout"_s).toInt(&ok);
        if (!ok || timeoutSecs < 1)
            return inv.usage(u"--timeout needs a number of seconds (at least 1)."_s);
    }
    std::optional<Session> s = openSession(inv);
    if (!s)
        return;
    std::optional<Item> item = oneConnection(inv, s->vault);
    if (!item)
        return;

    // Ctrl-C / SIGTERM cancel the login cleanly (the receiver closes, nothing is stored).
    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) == 0) {
        auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &inv);
        QObject::connect(notifier, &QSocketNotifier::activated, &inv, [s] {
            char c = 0;
            while (::read(g_signalPipe[0], &c, 1) > 0) { }
            s->manager->cancelLogin();
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }

    const bool browser = !inv.isSet(u"no-browser"_s) && haveDisplay();
    ConnectionManager::LoginOptions options;
    options.timeoutMs = timeoutSecs * 1000;
    options.authorizationUrl = [&inv, browser](const QUrl &url) {
        QTextStream &err = inv.err();
        err << "Open this URL in your browser to log in (waiting for the redirect):\n"
            << url.toString(QUrl::FullyEncoded) << Qt::endl;
        if (!browser)
            return;
        // keyhaven-cli is a QCoreApplication (it runs on headless servers), so QDesktopServices
        // is not available; xdg-open is what it would call on Linux. The URL holds no secret.
        const QString opener = QStandardPaths::findExecutable(u"xdg-open"_s);
        if (opener.isEmpty()
            || !QProcess::startDetached(opener, { url.toString(QUrl::FullyEncoded) }))
            err << "(Could not open a browser: open the URL above yourself.)" << Qt::endl;
    };
    s->manager->login(item->id, options, &inv, [&inv](Result<Item> r) {
        if (!r) {
            const Error &e = r.error();
            if (e.id == u"login-cancelled"_s)
                return inv.fail(Error::input(e.id, u"Login cancelled: nothing was stored."_s));
            if (e.id == u"login-timeout"_s)
                return inv.fail(Error::environment(
                    e.id, u"No answer from the browser in time: nothing was stored."_s));
            if (e.id == u"authorization-error"_s)
                return inv.fail(Error::environment(
                    e.id, u"The provider refused the login: %1"_s.arg(e.message)));
            return inv.fail(e);
        }
        if (inv.json()) {
            inv.printJson(connectionJson(*r));
        } else {
            inv.out() << "Logged in to \"" << r->name << "\"";
            if (!r->subject.isEmpty())
                inv.out() << " as " << r->subject;
            inv.out() << ". Scopes: " << r->grantedScopes.join(u' ');
            if (r->accessTokenExpires.isValid())
                inv.out() << ". Access token valid until "
                          << r->accessTokenExpires.toString(Qt::ISODate);
            inv.out() << '.' << Qt::endl;
        }
        inv.finish(ExitOk);
    });
}

// ---- token, logout, introspect ------------------------------------------------------------

void runToken(Invocation &inv)
{
    std::optional<Session> s = openSession(inv);
    if (!s)
        return;
    std::optional<Item> item = oneConnection(inv, s->vault);
    if (!item)
        return;
    s->manager->accessToken(
        item->id, inv.isSet(u"force-refresh"_s), &inv, [&inv](Result<SecretBytes> token) {
            if (!token)
                return inv.fail(token.error());
            inv.writeRaw(token->view());
            inv.writeRaw("\n");
            inv.finish(ExitOk);
        });
}

void runLogout(Invocation &inv)
{
    std::optional<Session> s = openSession(inv);
    if (!s)
        return;
    std::optional<Item> item = oneConnection(inv, s->vault);
    if (!item)
        return;
    s->manager->logout(item->id, &inv, [&inv, name = item->name](Result<void> r) {
        if (!r)
            return inv.fail(r.error());
        inv.out() << "Logged out of \"" << name << "\": tokens revoked and deleted." << Qt::endl;
        inv.finish(ExitOk);
    });
}

void runIntrospect(Invocation &inv)
{
    std::optional<Session> s = openSession(inv);
    if (!s)
        return;
    std::optional<Item> item = oneConnection(inv, s->vault);
    if (!item)
        return;
    // The refresh token stands for the grant (RFC 7009 §2.1), and a JWT access token meant for a
    // resource server is often not introspectable by the client: default to the refresh token.
    const bool useRefresh = !inv.isSet(u"access-token"_s);
    s->manager->introspect(item->id, useRefresh, &inv, [&inv](Result<QJsonObject> r) {
        if (!r)
            return inv.fail(r.error());
        if (inv.json()) {
            inv.printJson(*r);
        } else {
            QTextStream &out = inv.out();
            out << "active: " << (r->value(u"active"_s).toBool() ? "true" : "false") << '\n';
            for (auto it = r->begin(); it != r->end(); ++it) {
                if (it.key() == u"active"_s)
                    continue;
                const QJsonValue v = it.value();
                out << it.key() << ": "
                    << (v.isString()          ? v.toString()
                               : v.isDouble() ? QString::number(qint64(v.toDouble()))
                                              : v.toVariant().toString())
                    << '\n';
            }
            out.flush();
        }
        inv.finish(ExitOk);
    });
}

} // namespace

QList<Command> oauthCommands()
{
    QList<Command> c;
    c << Command { { u"connections"_s, u"add"_s },
        u"NAME --issuer URL --client-id ID [--scope S] [--param K=V]... [--port N] [--json]"_s,
        u"Add an OAuth connection (runs OIDC discovery; the issuer must match exactly)"_s,
        { opt(u"issuer"_s, u"The issuer URL (HTTPS, or HTTP on loopback)."_s, u"URL"_s),
            opt(u"client-id"_s, u"The client id registered at the issuer."_s, u"ID"_s),
            opt(u"scope"_s, u"Scopes to ask for (repeat or space-separate; default openid)."_s,
                u"S"_s),
            opt(u"param"_s, u"Extra authorization parameter (audience, resource, prompt)."_s,
                u"K=V"_s),
            opt(u"port"_s, u"Fixed loopback redirect port (default: chosen by the OS)."_s, u"N"_s),
            jsonOption() },
        { u"NAME"_s }, runAdd };
    c << Command { { u"connections"_s, u"list"_s }, u"[--json]"_s,
        u"List OAuth connections and their state"_s, { jsonOption() }, {}, runList };
    c << Command { { u"connections"_s, u"rm"_s }, u"NAME"_s,
        u"Remove an OAuth connection and its tokens"_s, {}, { u"NAME"_s }, runRemove };
    c << Command { { u"login"_s }, u"CONNECTION [--no-browser] [--timeout SECONDS]"_s,
        u"Log in through the browser (PKCE); prints the authorization URL on stderr"_s,
        { opt(u"no-browser"_s, u"Only print the URL; do not open a browser."_s),
            opt(u"timeout"_s, u"How long to wait for the browser (default 300)."_s, u"SECONDS"_s),
            jsonOption() },
        { u"CONNECTION"_s }, runLogin };
    c << Command { { u"token"_s }, u"CONNECTION [--force-refresh]"_s,
        u"Print a valid access token (refreshed when it expires within 60 s)"_s,
        { opt(u"force-refresh"_s, u"Refresh even when the stored token is still valid."_s) },
        { u"CONNECTION"_s }, runToken };
    c << Command { { u"logout"_s }, u"CONNECTION"_s,
        u"Revoke the connection's tokens (RFC 7009), then delete them"_s, {}, { u"CONNECTION"_s },
        runLogout };
    c << Command { { u"introspect"_s }, u"CONNECTION [--access-token] [--json]"_s,
        u"Ask the issuer whether the connection's grant is active (RFC 7662)"_s,
        { opt(u"access-token"_s, u"Introspect the access token, not the refresh token."_s),
            jsonOption() },
        { u"CONNECTION"_s }, runIntrospect };
    return c;
}

} // namespace keyhaven::cli
