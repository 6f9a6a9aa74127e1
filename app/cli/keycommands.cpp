// cli/keycommands.cpp — keys add|list|show|rm, secret, run.
#include "cli/cli.h"
#include "common/io.h"
#include "common/secretbytes.h"
#include "rotation/osuser.h"
#include "vault/bundle.h"
#include "vault/itemrotation.h"
#include "vault/vault.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTimeZone>

#include <csignal>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using keyhaven::vault::Item;
using keyhaven::vault::ItemKind;
using keyhaven::vault::SecretState;
using keyhaven::vault::Vault;

namespace keyhaven::cli {

namespace {

QString stateId(SecretState s)
{
    switch (s) {
    case SecretState::Present:
        return u"present"_s;
    case SecretState::Missing:
        return u"missing"_s;
    case SecretState::Unknown:
        break;
    }
    return u"unknown"_s;
}

QJsonValue timeJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : u"-"_s;
}

// A calendar date in the system time zone ("retiring until 2026-12-01").
QString dateText(const QDateTime &t)
{
    return t.toTimeZone(QTimeZone::systemTimeZone()).date().toString(Qt::ISODate);
}

QJsonObject itemJson(const Item &item)
{
    QJsonObject o {
        { u"id"_s, item.idString() },
        { u"name"_s, item.name },
        { u"kind"_s, vault::kindId(item.kind) },
        { u"secret_state"_s, stateId(item.secretState) },
        { u"owner"_s, item.owner },
        { u"tags"_s, QJsonArray::fromStringList(item.tags) },
        { u"notes"_s, item.notes },
        { u"created"_s, timeJson(item.created) },
        { u"updated"_s, timeJson(item.updated) },
        { u"base_urls"_s, QJsonArray::fromStringList(item.baseUrls) },
        { u"expires"_s, timeJson(item.expires) },
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const rotation::RotationStatus status = vault::rotationStatus(item, now, zone);
    o.insert(u"rotation"_s,
        QJsonObject {
            { u"state"_s, rotation::stateId(status.state) },
            { u"due"_s, timeJson(status.dueAt) },
            { u"days_until_due"_s,
                status.dueAt.isValid() ? QJsonValue(qint64(status.daysUntilDue)) : QJsonValue() },
            { u"status"_s, rotation::statusText(status, now, zone) },
            { u"warn_days_before"_s, item.warnDaysBefore },
            { u"overlap_days"_s, item.overlapDays },
        });
    switch (item.kind) {
    case ItemKind::ApiKey:
        o.insert(u"header"_s, item.headerName);
        o.insert(u"rotate_every_days"_s, item.rotateEveryDays);
        o.insert(u"last_rotated"_s, timeJson(item.lastRotated));
        break;
    case ItemKind::Jwt:
        o.insert(u"rotate_every_days"_s, item.rotateEveryDays);
        o.insert(u"last_rotated"_s, timeJson(item.lastRotated));
        o.insert(u"claims"_s,
            QJsonObject { { u"iss"_s, item.jwtIssuer }, { u"sub"_s, item.jwtSubject },
                { u"aud"_s, QJsonArray::fromStringList(item.jwtAudience) } });
        break;
    case ItemKind::OAuth:
        o.insert(u"issuer_url"_s, item.issuerUrl);
        o.insert(u"client_id"_s, item.clientId);
        o.insert(u"scopes"_s, QJsonArray::fromStringList(item.scopes));
        break;
    }
    return o;
}

void printItemText(QTextStream &out, const Item &item)
{
    auto line = [&out](const char *label, const QString &value) {
        out << QString::fromLatin1(label).leftJustified(14) << value << '\n';
    };
    line("Name:", item.name);
    line("Id:", item.idString());
    line("Kind:", vault::kindId(item.kind));
    line("Secret:", stateId(item.secretState));
    if (!item.owner.isEmpty())
        line("Owner:", item.owner);
    if (!item.tags.isEmpty())
        line("Tags:", item.tags.join(u", "_s));
    line("Created:", timeText(item.created));
    line("Updated:", timeText(item.updated));
    switch (item.kind) {
    case ItemKind::ApiKey:
        line("Header:", item.headerName);
        line("Rotate every:", u"%1 days"_s.arg(item.rotateEveryDays));
        line("Last rotated:", timeText(item.lastRotated));
        break;
    case ItemKind::Jwt:
        line("Issuer:", item.jwtIssuer.isEmpty() ? u"-"_s : item.jwtIssuer);
        line("Subject:", item.jwtSubject.isEmpty() ? u"-"_s : item.jwtSubject);
        line("Audience:", item.jwtAudience.isEmpty() ? u"-"_s : item.jwtAudience.join(u", "_s));
        line("Rotate every:", u"%1 days"_s.arg(item.rotateEveryDays));
        break;
    case ItemKind::OAuth:
        line("Issuer:", item.issuerUrl);
        line("Client id:", item.clientId);
        line("Scopes:", item.scopes.join(u' '));
        break;
    }
    if (item.kind != ItemKind::OAuth || item.expires.isValid())
        line("Expires:", timeText(item.expires));
    if (item.kind != ItemKind::OAuth) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QTimeZone zone = QTimeZone::systemTimeZone();
        const rotation::RotationStatus status = vault::rotationStatus(item, now, zone);
        line("Warn before:", u"%1 days"_s.arg(item.warnDaysBefore));
        line("Overlap:", u"%1 days"_s.arg(item.overlapDays));
        line("Due:",
            status.dueAt.isValid()
                ? u"%1 (%2)"_s.arg(dateText(status.dueAt), rotation::statusText(status, now, zone))
                : rotation::statusText(status, now, zone));
    }
    for (const QString &url : item.baseUrls)
        line("Base URL:", url);
    if (!item.notes.isEmpty())
        line("Notes:", item.notes);
    out.flush();
}

// Opens the shared store, or fails the invocation (exit 3) and returns nullptr.
Vault *openVault(Invocation &inv)
{
    Result<Vault *> v = Vault::openDefault(&inv);
    if (!v) {
        inv.fail(v.error());
        return nullptr;
    }
    return *v;
}

Error unknownItem(const QString &text)
{
    return Error::input(u"not-found"_s, u"No item is named or has the id \"%1\"."_s.arg(text));
}

// The single ITEM positional, or a usage error.
std::optional<QString> oneItemArgument(Invocation &inv)
{
    const QStringList args = inv.positional();
    if (args.size() != 1) {
        inv.usage(args.isEmpty() ? u"ITEM (a name or an id) is missing."_s
                                 : u"Expected one ITEM, got %1 arguments."_s.arg(args.size()));
        return std::nullopt;
    }
    return args.first();
}

struct Resolved
{
    Vault *vault = nullptr;
    Item item;
};

// The preamble of every single-ITEM command: one ITEM argument, open the vault, find the item.
// On failure the invocation is finished (usage: 2, unknown item: 2, store: 3) and nullopt returned.
std::optional<Resolved> resolveItem(Invocation &inv)
{
    const std::optional<QString> which = oneItemArgument(inv);
    if (!which)
        return std::nullopt;
    Vault *v = openVault(inv);
    if (!v)
        return std::nullopt;
    std::optional<Item> item = v->find(*which);
    if (!item) {
        inv.fail(unknownItem(*which));
        return std::nullopt;
    }
    return Resolved { v, std::move(*item) };
}

// Reads a secret from a terminal without echo, one line.
Result<QByteArray> promptSecret(const QString &name)
{
    QTextStream err(stderr);
    err << "Secret for \"" << name << "\" (input hidden, end with Enter): " << Qt::flush;
    termios saved {};
    const bool haveTerm = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (haveTerm) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    QByteArray line;
    char c = 0;
    bool tooLarge = false;
    while (::read(STDIN_FILENO, &c, 1) == 1 && c != '\n') {
        if (line.size() >= io::kMaxInput) {
            tooLarge = true;
            break;
        }
        line.append(c);
    }
    c = 0;
    if (haveTerm)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    err << Qt::endl;
    if (tooLarge) {
        SecretBytes::wipe(line);
        return Error::input(u"input-too-large"_s, u"The secret is larger than 1 MiB."_s);
    }
    return line;
}

// --secret-file FILE|-, or stdin (a terminal is prompted without echo). Never an argument.
Result<SecretBytes> readSecretInput(Invocation &inv, const QString &name)
{
    QByteArray bytes;
    if (!inv.isSet(u"secret-file"_s) && isatty(STDIN_FILENO)) {
        Result<QByteArray> typed = promptSecret(name);
        if (!typed)
            return typed.error();
        bytes = std::move(typed).value();
    } else {
        const QString path = inv.isSet(u"secret-file"_s) ? inv.value(u"secret-file"_s) : u"-"_s;
        Result<QByteArray> read = io::readFile(path);
        if (!read)
            return read.error();
        bytes = std::move(read).value();
    }
    SecretBytes secret(std::move(bytes));
    // One trailing line end ("echo KEY |", a file saved by an editor) is not part of the key.
    qsizetype keep = secret.size();
    if (keep > 0 && secret.data()[keep - 1] == '\n') {
        --keep;
        if (keep > 0 && secret.data()[keep - 1] == '\r')
            --keep;
    }
    if (keep != secret.size())
        secret = SecretBytes::copyOf(secret.view().first(keep));
    if (secret.isEmpty())
        return Error::input(u"secret-empty"_s, u"The secret is empty: nothing was stored."_s);
    return secret;
}

void keysAdd(Invocation &inv)
{
    const QStringList args = inv.positional();
    if (args.size() != 1)
        return inv.usage(args.isEmpty() ? u"NAME is missing."_s : u"Expected one NAME."_s);
    if (!inv.isSet(u"kind"_s))
        return inv.usage(u"--kind api-key|jwt is required."_s);
    const std::optional<ItemKind> kind = vault::kindFromId(inv.value(u"kind"_s));
    if (!kind || *kind == ItemKind::OAuth)
        return inv.usage(
            u"--kind must be api-key or jwt (OAuth connections: 'connections add')."_s);

    Item item;
    item.kind = *kind;
    item.name = args.first();
    if (inv.isSet(u"rotate-every"_s)) {
        bool ok = false;
        item.rotateEveryDays = inv.value(u"rotate-every"_s).toInt(&ok);
        if (!ok)
            return inv.usage(u"--rotate-every takes a number of days."_s);
    }
    if (inv.isSet(u"header"_s))
        item.headerName = inv.value(u"header"_s);
    item.baseUrls = inv.values(u"base-url"_s);

    Vault *v = openVault(inv);
    if (!v)
        return;
    // Check the name before asking for the secret, so nobody types a key in vain.
    // (The Vault checks again, atomically; this only spares the typing.)
    const QString wanted = item.name.trimmed().normalized(QString::NormalizationForm_C);
    if (const std::optional<Item> taken = v->find(wanted); taken && taken->name == wanted)
        return inv.fail(
            Error::input(u"name-taken"_s, u"An item named \"%1\" already exists."_s.arg(wanted)));
    Result<SecretBytes> secret = readSecretInput(inv, item.name);
    if (!secret)
        return inv.fail(secret.error());
    v->addItem(item, std::move(secret).value(), &inv, [&inv](Result<Item> added) {
        if (!added)
            return inv.fail(added.error());
        if (inv.json())
            inv.printJson(itemJson(*added));
        else
            inv.out() << "Added " << vault::kindId(added->kind) << " \"" << added->name << "\" (id "
                      << added->idString() << ")." << Qt::endl;
        inv.finish(ExitOk);
    });
}

void keysList(Invocation &inv)
{
    if (!inv.positional().isEmpty())
        return inv.usage(u"keys list takes no arguments."_s);
    std::optional<ItemKind> kind;
    if (inv.isSet(u"kind"_s)) {
        kind = vault::kindFromId(inv.value(u"kind"_s));
        if (!kind)
            return inv.usage(u"--kind must be api-key, jwt or oauth."_s);
    }
    if (inv.isSet(u"due"_s) && inv.isSet(u"overdue"_s))
        return inv.usage(u"Give either --due DAYS or --overdue, not both."_s);
    std::optional<int> dueWithin;
    if (inv.isSet(u"due"_s)) {
        bool ok = false;
        dueWithin = inv.value(u"due"_s).toInt(&ok);
        if (!ok || *dueWithin < 0)
            return inv.usage(u"--due takes a number of days (0 or more)."_s);
    }
    const bool overdueOnly = inv.isSet(u"overdue"_s);
    Vault *v = openVault(inv);
    if (!v)
        return;
    QList<Item> items = v->items();
    if (kind)
        items.removeIf([&](const Item &i) { return i.kind != *kind; });
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QTimeZone zone = QTimeZone::systemTimeZone();
    using rotation::RotationState;
    if (overdueOnly) {
        // Past the rotation date, or the credential itself has expired.
        items.removeIf([&](const Item &i) {
            const RotationState s = vault::rotationStatus(i, now, zone).state;
            return s != RotationState::Overdue && s != RotationState::Expired;
        });
    } else if (dueWithin) {
        // Due (or expiring) within DAYS calendar days, overdue and expired included.
        const QDate limit = now.toTimeZone(zone).date().addDays(*dueWithin);
        items.removeIf([&](const Item &i) {
            const rotation::RotationStatus s = vault::rotationStatus(i, now, zone);
            return !s.nextDeadline.isValid() || s.nextDeadline.toTimeZone(zone).date() > limit;
        });
    }
    if (overdueOnly || dueWithin) {
        // Most urgent first.
        std::stable_sort(items.begin(), items.end(), [&](const Item &a, const Item &b) {
            return vault::rotationStatus(a, now, zone).nextDeadline
                < vault::rotationStatus(b, now, zone).nextDeadline;
        });
    }
    if (inv.json()) {
        QJsonArray array;
        for (const Item &i : std::as_const(items))
            array.append(itemJson(i));
        inv.printJson(QJsonObject { { u"items"_s, array } });
        return inv.finish(ExitOk);
    }
    if (items.isEmpty()) {
        inv.err() << "No items." << Qt::endl;
        return inv.finish(ExitOk);
    }
    qsizetype nameWidth = 4;
    for (const Item &i : std::as_const(items))
        nameWidth = std::max(nameWidth, i.name.size());
    QTextStream &out = inv.out();
    out << u"NAME"_s.leftJustified(nameWidth + 2) << u"KIND"_s.leftJustified(9)
        << u"SECRET"_s.leftJustified(9) << u"ID"_s.leftJustified(38) << "ROTATION\n";
    for (const Item &i : std::as_const(items))
        out << i.name.leftJustified(nameWidth + 2) << vault::kindId(i.kind).leftJustified(9)
            << stateId(i.secretState).leftJustified(9) << i.idString().leftJustified(38)
            << rotation::statusText(vault::rotationStatus(i, now, zone), now, zone) << '\n';
    out.flush();
    inv.finish(ExitOk);
}

QJsonObject rotationDetailsJson(const Vault &v, const Item &item)
{
    QJsonArray retiring;
    for (const vault::RetiringSecret &r : v.retiringSecrets(item.id))
        retiring.append(QJsonObject { { u"field"_s, r.field }, { u"until"_s, timeJson(r.until) } });
    QJsonArray history;
    for (const vault::RotationEvent &e : v.rotationHistory(item.id))
        history.append(QJsonObject { { u"at"_s, timeJson(e.at) }, { u"by"_s, e.by },
            { u"reason"_s, e.reason }, { u"retire_until"_s, timeJson(e.retireUntil) } });
    return QJsonObject { { u"retiring"_s, retiring }, { u"history"_s, history } };
}

void keysShow(Invocation &inv)
{
    const std::optional<Resolved> r = resolveItem(inv);
    if (!r)
        return;
    if (inv.json()) {
        QJsonObject o = itemJson(r->item);
        const QJsonObject details = rotationDetailsJson(*r->vault, r->item);
        o.insert(u"retiring"_s, details.value(u"retiring"_s));
        o.insert(u"history"_s, details.value(u"history"_s));
        inv.printJson(o);
        return inv.finish(ExitOk);
    }
    QTextStream &out = inv.out();
    printItemText(out, r->item);
    for (const vault::RetiringSecret &s : r->vault->retiringSecrets(r->item.id))
        out << u"Old secret:"_s.leftJustified(14) << "retiring until " << dateText(s.until) << '\n';
    const QList<vault::RotationEvent> history = r->vault->rotationHistory(r->item.id);
    if (!history.isEmpty()) {
        out << "History:\n";
        for (const vault::RotationEvent &e : history)
            out << "  " << timeText(e.at) << "  rotated by " << e.by
                << (e.reason.isEmpty() ? QString() : u": "_s + e.reason) << '\n';
    }
    out.flush();
    inv.finish(ExitOk);
}

void keysRemove(Invocation &inv)
{
    const std::optional<Resolved> r = resolveItem(inv);
    if (!r)
        return;
    const Item gone = r->item;
    r->vault->removeItem(gone.id, &inv, [&inv, gone](Result<void> removed) {
        if (!removed)
            return inv.fail(removed.error());
        if (inv.json())
            inv.printJson(QJsonObject { { u"removed"_s,
                QJsonObject { { u"id"_s, gone.idString() }, { u"name"_s, gone.name } } } });
        else
            inv.out() << "Removed \"" << gone.name << "\" and its secret." << Qt::endl;
        inv.finish(ExitOk);
    });
}

void keysRotate(Invocation &inv)
{
    vault::RotationRequest request;
    request.reason = inv.value(u"reason"_s);
    request.by = rotation::osUserName();
    if (inv.isSet(u"overlap"_s)) {
        bool ok = false;
        request.overlapDays = inv.value(u"overlap"_s).toInt(&ok);
        if (!ok || request.overlapDays < 0 || request.overlapDays > 3650)
            return inv.usage(u"--overlap takes a number of days (0 to 3650)."_s);
    }
    const std::optional<Resolved> r = resolveItem(inv);
    if (!r)
        return;
    if (r->item.kind == ItemKind::OAuth)
        return inv.fail(Error::input(u"not-rotatable"_s,
            u"\"%1\" is an OAuth connection: its tokens are refreshed, not rotated."_s.arg(
                r->item.name)));
    // The provider issues the new key: it comes from a file or standard input, never generated
    // here and never from an argument.
    Result<SecretBytes> secret = readSecretInput(inv, r->item.name);
    if (!secret)
        return inv.fail(secret.error());
    Vault *v = r->vault;
    v->rotate(
        r->item.id, std::move(secret).value(), request, &inv, [&inv, v](Result<Item> rotated) {
            if (!rotated)
                return inv.fail(rotated.error());
            const QList<vault::RotationEvent> history = v->rotationHistory(rotated->id);
            const vault::RotationEvent last =
                history.isEmpty() ? vault::RotationEvent {} : history.last();
            if (inv.json()) {
                QJsonObject o = itemJson(*rotated);
                o.insert(u"rotated"_s,
                    QJsonObject { { u"at"_s, timeJson(last.at) }, { u"by"_s, last.by },
                        { u"reason"_s, last.reason },
                        { u"retire_until"_s, timeJson(last.retireUntil) } });
                inv.printJson(o);
            } else {
                inv.out() << "Rotated \"" << rotated->name << "\": the new secret is stored";
                if (last.retireUntil.isValid())
                    inv.out() << "; the old one is retiring until " << dateText(last.retireUntil)
                              << " and is then deleted from the keychain";
                else
                    inv.out() << "; the old one was dropped";
                const QDateTime now = QDateTime::currentDateTimeUtc();
                const QTimeZone zone = QTimeZone::systemTimeZone();
                const rotation::RotationStatus status = vault::rotationStatus(*rotated, now, zone);
                if (status.dueAt.isValid())
                    inv.out() << ". Next rotation " << rotation::statusText(status, now, zone);
                inv.out() << "." << Qt::endl;
            }
            // Old secrets of earlier rotations whose window has ended leave the keychain now.
            v->purgeRetired(QDateTime::currentDateTimeUtc(), &inv, [&inv](Result<int> purged) {
                if (!purged)
                    inv.err() << "Warning: cannot delete expired old secrets: "
                              << purged.error().message << Qt::endl;
                inv.finish(ExitOk);
            });
        });
}

void keysExport(Invocation &inv)
{
    if (!inv.positional().isEmpty())
        return inv.usage(u"keys export takes no arguments."_s);
    if (!inv.isSet(u"bundle"_s))
        return inv.usage(u"--bundle FILE is required (- = standard output)."_s);
    Vault *v = openVault(inv);
    if (!v)
        return;
    const QList<Item> items = v->items();
    const QByteArray json = vault::bundle::write(items);
    const QString path = inv.value(u"bundle"_s);
    if (path == u"-"_s) {
        inv.writeRaw(json);
        return inv.finish(ExitOk);
    }
    if (Result<void> w = io::writeFile(path, json); !w)
        return inv.fail(w.error());
    if (inv.json())
        inv.printJson(QJsonObject { { u"exported"_s, qint64(items.size()) }, { u"file"_s, path } });
    else
        inv.out() << "Exported " << items.size() << " item(s) to " << path
                  << " (metadata only, no secrets)." << Qt::endl;
    inv.finish(ExitOk);
}

void keysImport(Invocation &inv)
{
    if (!inv.positional().isEmpty())
        return inv.usage(u"keys import takes no arguments."_s);
    if (!inv.isSet(u"bundle"_s))
        return inv.usage(u"--bundle FILE is required (- = standard input)."_s);
    Result<QByteArray> bytes = io::readFile(inv.value(u"bundle"_s), vault::bundle::kMaxBundleSize);
    if (!bytes)
        return inv.fail(bytes.error());
    Result<QList<Item>> incoming = vault::bundle::read(*bytes);
    if (!incoming)
        return inv.fail(incoming.error());
    Vault *v = openVault(inv);
    if (!v)
        return;
    Result<vault::bundle::ImportReport> report = v->importItems(*incoming);
    if (!report)
        return inv.fail(report.error());
    auto ref = [](const Item &i) {
        return QJsonObject { { u"id"_s, i.idString() }, { u"name"_s, i.name } };
    };
    if (inv.json()) {
        QJsonArray added, unchanged, conflicts;
        for (const Item &i : std::as_const(report->added))
            added.append(ref(i));
        for (const Item &i : std::as_const(report->unchanged))
            unchanged.append(ref(i));
        for (const vault::bundle::Conflict &c : std::as_const(report->conflicts)) {
            QJsonObject o = ref(c.incoming);
            o.insert(u"reason"_s, c.reason);
            o.insert(u"fields"_s, QJsonArray::fromStringList(c.fields));
            if (!c.local.id.isNull())
                o.insert(u"local"_s, ref(c.local));
            conflicts.append(o);
        }
        inv.printJson(QJsonObject {
            { u"added"_s, added }, { u"unchanged"_s, unchanged }, { u"conflicts"_s, conflicts } });
        return inv.finish(ExitOk);
    }
    QTextStream &out = inv.out();
    out << "Imported: " << report->added.size() << " added, " << report->unchanged.size()
        << " unchanged, " << report->conflicts.size() << " conflict(s) (local kept).\n";
    for (const Item &i : std::as_const(report->added))
        out << "  added     " << i.name << " (secret missing: store it with 'keys rotate')\n";
    for (const vault::bundle::Conflict &c : std::as_const(report->conflicts)) {
        if (c.reason == u"name-taken"_s)
            out << "  conflict  " << c.incoming.name << ": another item has this name\n";
        else
            out << "  conflict  " << c.local.name << ": " << c.fields.join(u", "_s) << " differ\n";
    }
    out.flush();
    inv.finish(ExitOk);
}

void printSecret(Invocation &inv)
{
    const std::optional<Resolved> r = resolveItem(inv);
    if (!r)
        return;
    r->vault->readSecret(
        r->item.id, r->item.primaryField(), &inv, [&inv](Result<SecretBytes> secret) {
            if (!secret)
                return inv.fail(secret.error());
            inv.writeRaw(secret->view()); // raw bytes, no newline: `$(keyhaven-cli secret X)`
            inv.finish(ExitOk);
        });
}

struct EnvBinding
{
    QString variable;
    Item item;
};

void startChild(Invocation &inv, const QStringList &command, QProcessEnvironment env)
{
    auto *process = new QProcess(&inv);
    process->setProgram(command.first());
    process->setArguments(command.mid(1)); // the command line carries no secret
    process->setProcessEnvironment(env);
    process->setProcessChannelMode(QProcess::ForwardedChannels);
    process->setInputChannelMode(QProcess::ForwardedInputChannel);
    QObject::connect(process, &QProcess::started, &inv, [] {
        // Ctrl-C reaches the whole process group: let the child decide, then report its status.
        std::signal(SIGINT, SIG_IGN);
        std::signal(SIGQUIT, SIG_IGN);
    });
    QObject::connect(
        process, &QProcess::finished, &inv, [&inv](int code, QProcess::ExitStatus status) {
            // Like a shell: a child killed by signal N is 128 + N.
            inv.finish(status == QProcess::CrashExit ? 128 + (code > 0 ? code : 9) : code);
        });
    QObject::connect(
        process, &QProcess::errorOccurred, &inv, [&inv, process](QProcess::ProcessError error) {
            if (error != QProcess::FailedToStart)
                return;
            inv.err() << "keyhaven-cli run: cannot start " << process->program() << ": "
                      << process->errorString() << Qt::endl;
            inv.finish(127); // as sh and env(1) do for a command that cannot run
        });
    process->start();
}

void runWithSecrets(Invocation &inv)
{
    const QStringList command = inv.positional();
    if (command.isEmpty())
        return inv.usage(u"COMMAND is missing (write it after --)."_s);
    const QStringList specs = inv.values(u"env"_s);
    if (specs.isEmpty())
        return inv.usage(u"Give at least one --env NAME=ITEM."_s);
    Vault *v = openVault(inv);
    if (!v)
        return;
    static const QRegularExpression varName(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    auto bindings = std::make_shared<QList<EnvBinding>>();
    for (const QString &spec : specs) {
        const qsizetype eq = spec.indexOf(u'=');
        if (eq <= 0 || eq == spec.size() - 1)
            return inv.usage(u"--env takes NAME=ITEM, got \"%1\"."_s.arg(spec));
        const QString variable = spec.left(eq);
        if (!varName.match(variable).hasMatch())
            return inv.usage(u"\"%1\" is not a valid environment variable name."_s.arg(variable));
        const QString which = spec.mid(eq + 1);
        const std::optional<Item> item = v->find(which);
        if (!item)
            return inv.fail(unknownItem(which));
        bindings->append({ variable, *item });
    }

    // Read the secrets one after another, then start the child with them in its environment.
    auto env = std::make_shared<QProcessEnvironment>(QProcessEnvironment::systemEnvironment());
    auto step = std::make_shared<std::function<void(qsizetype)>>();
    *step = [&inv, v, command, bindings, env, step](qsizetype i) {
        if (i == bindings->size()) {
            startChild(inv, command, *env);
            env->clear();
            *step = nullptr; // destroys this closure: nothing of it is used afterwards
            return;
        }
        const EnvBinding &b = bindings->at(i);
        v->readSecret(b.item.id, b.item.primaryField(), &inv,
            [&inv, bindings, env, step, i](Result<SecretBytes> secret) {
                if (!secret) {
                    *step = nullptr;
                    return inv.fail(secret.error());
                }
                const EnvBinding &b = bindings->at(i);
                // The environment is text: refuse what it cannot carry rather than mangle it.
                QStringDecoder utf8(QStringDecoder::Utf8);
                QString value = utf8(secret->bytes());
                if (utf8.hasError() || secret->view().contains('\0')) {
                    *step = nullptr;
                    return inv.fail(Error::input(u"secret-not-text"_s,
                        u"The secret of \"%1\" is not UTF-8 text without NUL bytes, so it "
                        "cannot go into an environment variable."_s.arg(b.item.name)));
                }
                env->insert(b.variable, value);
                value.fill(QChar(0)); // best effort: QProcessEnvironment keeps its own copy
                (*step)(i + 1);
            });
    };
    (*step)(0);
}

} // namespace

QList<Command> keyCommands()
{
    const QCommandLineOption kindAdd(u"kind"_s, u"Item kind: api-key or jwt."_s, u"KIND"_s);
    const QCommandLineOption kindList(
        u"kind"_s, u"Only items of this kind: api-key, jwt or oauth."_s, u"KIND"_s);
    const QCommandLineOption secretFile(u"secret-file"_s,
        u"Read the secret from FILE (- = standard input). Default: standard input."_s, u"FILE"_s);
    const QCommandLineOption rotateEvery(u"rotate-every"_s,
        u"Rotation interval in days (default 90; 0 = no schedule)."_s, u"DAYS"_s);
    const QCommandLineOption header(
        u"header"_s, u"HTTP header that carries an API key (default X-API-Key)."_s, u"NAME"_s);
    const QCommandLineOption baseUrl(
        u"base-url"_s, u"An origin the credential may be sent to (repeatable)."_s, u"URL"_s);
    const QCommandLineOption due(u"due"_s,
        u"Only items due for rotation (or expiring) within DAYS days, overdue ones included."_s,
        u"DAYS"_s);
    const QCommandLineOption overdue(
        u"overdue"_s, u"Only items past their rotation date or expired."_s);
    const QCommandLineOption rotateSecretFile(u"secret-file"_s,
        u"Read the new secret from FILE (- = standard input). Default: standard input."_s,
        u"FILE"_s);
    const QCommandLineOption reason(
        u"reason"_s, u"Why the key was rotated (kept in the history)."_s, u"TEXT"_s);
    const QCommandLineOption overlap(u"overlap"_s,
        u"Days the old secret stays in the keychain (default: the item's policy, 7)."_s, u"DAYS"_s);
    const QCommandLineOption exportBundle(
        u"bundle"_s, u"The bundle file to write (- = standard output)."_s, u"FILE"_s);
    const QCommandLineOption importBundle(
        u"bundle"_s, u"The bundle file to read (- = standard input)."_s, u"FILE"_s);
    const QCommandLineOption env(u"env"_s,
        u"Put ITEM's secret into environment variable NAME (repeatable)."_s, u"NAME=ITEM"_s);

    return {
        Command {
            { u"keys"_s, u"add"_s },
            u"NAME --kind api-key|jwt [--secret-file FILE|-] [--rotate-every DAYS] "
            "[--header NAME] [--base-url URL]... [--json]"_s,
            u"Store a new API key or JWT: its secret in the OS keychain, the rest in the vault"_s,
            { kindAdd, secretFile, rotateEvery, header, baseUrl, jsonOption() },
            { u"NAME"_s },
            keysAdd,
            u"The secret is read from --secret-file, or from standard input (a terminal is "
            "prompted without echo); never from an argument, where other users and the shell "
            "history would see it. One trailing line end is dropped; an empty secret is "
            "refused. A JWT's iss, sub, aud and exp are shown with the item.\n"
            "Without a reachable keychain nothing is stored and the exit code is 3.\n\n"
            "Example:\n  keyhaven-cli keys add github --kind api-key --header Authorization "
            "--base-url https://api.github.com < token.txt"_s,
        },
        Command {
            { u"keys"_s, u"list"_s },
            u"[--kind api-key|jwt|oauth] [--due DAYS | --overdue] [--json]"_s,
            u"List stored items (metadata only: no keychain access)"_s,
            { kindList, due, overdue, jsonOption() },
            {},
            keysList,
            u"Columns: name, kind, secret state (present, missing, unknown), id and rotation "
            "status (\"overdue for 7 days\", \"due in 3 days\", \"expires in 2 days\").\n"
            "--due DAYS keeps the items due for rotation or expiring within DAYS calendar days "
            "(overdue and expired ones included), --overdue those past their rotation date or "
            "expired; both sort the most urgent first.\n"
            "--json prints {\"items\": [ITEM...]}, each ITEM as 'keys show --json' prints it."_s,
        },
        Command {
            { u"keys"_s, u"show"_s },
            u"ITEM [--json]"_s,
            u"Show one item's metadata, rotation policy and history (never its secret)"_s,
            { jsonOption() },
            { u"ITEM"_s },
            keysShow,
            u"ITEM is an item's name or id. --json prints one object: id, name, kind, "
            "secret_state, owner, tags, notes, created, updated, base_urls, expires, and per "
            "kind header, rotate_every_days, last_rotated (api-key), claims {iss, sub, aud} "
            "(jwt), issuer_url, client_id, scopes (oauth). Times are UTC ISO 8601 or null.\n"
            "rotation {state, due, days_until_due, status, warn_days_before, overlap_days}: "
            "state is ok, due-soon, overdue, expiring, expired or no-schedule. retiring "
            "[{field, until}] lists old secrets kept after a rotation, history [{at, by, reason, "
            "retire_until}] the rotations, oldest first.\n"
            "An unknown ITEM exits with 2."_s,
        },
        Command {
            { u"keys"_s, u"rotate"_s },
            u"ITEM [--secret-file FILE|-] [--reason TEXT] [--overlap DAYS] [--json]"_s,
            u"Replace an item's secret with a new one, keeping the old one for a while"_s,
            { rotateSecretFile, reason, overlap, jsonOption() },
            { u"ITEM"_s },
            keysRotate,
            u"The new secret (issued by the provider) is read from --secret-file or standard "
            "input (a terminal is prompted without echo), never from an argument. The old "
            "secret stays in the keychain for the overlap window (\"retiring until DATE\") and "
            "is then deleted; a history row records when, by whom (the OS user) and why, never "
            "the secret. --json prints the item as 'keys show --json' plus rotated {at, by, "
            "reason, retire_until}.\n\n"
            "Example:\n  keyhaven-cli keys rotate github --reason \"quarterly\" < new-token.txt"_s,
        },
        Command {
            { u"keys"_s, u"rm"_s },
            u"ITEM [--json]"_s,
            u"Remove an item and its secrets from the keychain"_s,
            { jsonOption() },
            { u"ITEM"_s },
            keysRemove,
            u"ITEM is an item's name or id. --json prints {\"removed\": {\"id\", \"name\"}}."_s,
        },
        Command {
            { u"keys"_s, u"export"_s },
            u"--bundle FILE|- [--json]"_s,
            u"Write every item's metadata to a team bundle (JSON, no secrets)"_s,
            { exportBundle, jsonOption() },
            {},
            keysExport,
            u"The bundle is {\"schema\": 1, \"items\": [...]}: items sorted by id, keys "
            "sorted, one per line, so it diffs well in git. It holds names, kinds, owners, "
            "tags, notes, base URLs, rotation policies and dates; never a secret and never the "
            "local keychain state."_s,
        },
        Command {
            { u"keys"_s, u"import"_s },
            u"--bundle FILE|- [--json]"_s,
            u"Merge a team bundle into the vault by item id, reporting conflicts"_s,
            { importBundle, jsonOption() },
            {},
            keysImport,
            u"New ids are added with their secret missing (store it with 'keys rotate ITEM'). "
            "A known id whose metadata differs, or a new id whose name is taken, is a "
            "conflict: the local item is kept and the conflict listed. --json prints "
            "{\"added\": [{id, name}], \"unchanged\": [...], \"conflicts\": [{id, name, reason, "
            "fields, local}]}; reason is metadata-differs or name-taken."_s,
        },
        Command {
            { u"secret"_s },
            u"ITEM"_s,
            u"Print an item's secret on standard output, for scripts and pipes"_s,
            {},
            { u"ITEM"_s },
            printSecret,
            u"The bytes are written exactly as stored, with no trailing newline, e.g.\n"
            "  curl -H \"X-API-Key: $(keyhaven-cli secret github)\" ...\n"
            "Prefer 'keyhaven-cli run', which keeps the secret off your shell entirely."_s,
        },
        Command {
            { u"run"_s },
            u"--env NAME=ITEM... -- COMMAND [ARG]..."_s,
            u"Run a command with secrets in its environment only"_s,
            { env },
            { u"COMMAND"_s },
            runWithSecrets,
            u"Each --env NAME=ITEM puts ITEM's secret into the child's environment variable "
            "NAME; the secrets never appear on its command line. Standard input, output and "
            "error are the child's. The exit code is the child's (128 + N if signal N ended "
            "it; 127 if it cannot be started).\n\n"
            "Example:\n  keyhaven-cli run --env GITHUB_TOKEN=github -- gh api user"_s,
        },
    };
}

} // namespace keyhaven::cli
