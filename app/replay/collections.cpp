// replay/collections.cpp — saved requests: validation, {{variables}}, JSON for git, SQLite store.
#include "replay/collections.h"

#include "replay/curlimport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringDecoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace keyhaven::replay {

namespace {

constexpr qsizetype kMaxCollectionJson = 64LL * 1024 * 1024;
const auto kFormat = u"keyhaven-collection"_s;

// {{name}} or {{ name }}; names as in Postman/Bruno environments.
const QRegularExpression &variablePattern()
{
    static const QRegularExpression re(u"\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*\\}\\}"_s);
    return re;
}

const QList<std::pair<BodyKind, QString>> &bodyKindIds()
{
    static const QList<std::pair<BodyKind, QString>> ids {
        { BodyKind::None, u"none"_s },
        { BodyKind::Text, u"text"_s },
        { BodyKind::Json, u"json"_s },
        { BodyKind::Form, u"form"_s },
        { BodyKind::Multipart, u"multipart"_s },
        { BodyKind::File, u"file"_s },
    };
    return ids;
}

const QList<std::pair<AuthBinding::Kind, QString>> &authKindIds()
{
    static const QList<std::pair<AuthBinding::Kind, QString>> ids {
        { AuthBinding::Kind::None, u"none"_s },
        { AuthBinding::Kind::ApiKey, u"api-key"_s },
        { AuthBinding::Kind::JwtBearer, u"jwt"_s },
        { AuthBinding::Kind::Basic, u"basic"_s },
        { AuthBinding::Kind::OAuth, u"oauth"_s },
    };
    return ids;
}

const QList<std::pair<AuthBinding::Placement, QString>> &placementIds()
{
    static const QList<std::pair<AuthBinding::Placement, QString>> ids {
        { AuthBinding::Placement::Header, u"header"_s },
        { AuthBinding::Placement::Query, u"query"_s },
        { AuthBinding::Placement::Cookie, u"cookie"_s },
    };
    return ids;
}

template <typename E> QString idOf(const QList<std::pair<E, QString>> &ids, E value)
{
    for (const auto &[v, id] : ids) {
        if (v == value)
            return id;
    }
    return ids.first().second;
}

template <typename E>
std::optional<E> valueOf(const QList<std::pair<E, QString>> &ids, const QString &id)
{
    for (const auto &[v, name] : ids) {
        if (name == id)
            return v;
    }
    return std::nullopt;
}

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    return !decoder.hasError();
}

// The body is substituted unless it is a file's bytes.
bool bodyTakesVariables(const Request &r) { return r.body && r.bodyKind != BodyKind::File; }

QJsonObject requestJsonImpl(const SavedRequest &s)
{
    const Request &r = s.request;
    QJsonArray headers;
    for (const Header &h : r.headers)
        headers.append(QJsonArray { QString::fromUtf8(h.first), QString::fromUtf8(h.second) });
    QJsonObject o {
        { u"name"_s, s.name },
        { u"method"_s, QString::fromUtf8(r.method) },
        { u"url"_s, r.url },
        { u"headers"_s, headers },
        { u"body_kind"_s, idOf(bodyKindIds(), r.body ? r.bodyKind : BodyKind::None) },
    };
    if (r.body) {
        if (isUtf8(*r.body))
            o.insert(u"body"_s, QString::fromUtf8(*r.body));
        else
            o.insert(u"body_base64"_s, QString::fromLatin1(r.body->toBase64()));
    }
    if (r.auth.kind != AuthBinding::Kind::None) {
        QJsonObject auth { { u"kind"_s, idOf(authKindIds(), r.auth.kind) },
            { u"item"_s, r.auth.item } };
        if (r.auth.kind == AuthBinding::Kind::Basic)
            auth.insert(u"user"_s, r.auth.user);
        if (r.auth.kind == AuthBinding::Kind::ApiKey) {
            auth.insert(u"name"_s, QString::fromUtf8(r.auth.headerName));
            auth.insert(u"in"_s, idOf(placementIds(), r.auth.placement));
        }
        o.insert(u"auth"_s, auth);
    }
    QJsonObject options;
    if (r.insecureTls)
        options.insert(u"insecure_tls"_s, true);
    if (r.followRedirects)
        options.insert(u"follow_redirects"_s, true);
    if (r.compressed)
        options.insert(u"compressed"_s, true);
    if (r.timeoutMs > 0)
        options.insert(u"timeout_ms"_s, r.timeoutMs);
    if (!r.caFile.isEmpty())
        options.insert(u"ca_file"_s, r.caFile);
    if (!options.isEmpty())
        o.insert(u"options"_s, options);
    return o;
}

QJsonObject collectionJson(const Collection &c)
{
    QJsonArray environments;
    QList<Environment> sorted = c.environments;
    std::sort(sorted.begin(), sorted.end(),
        [](const Environment &a, const Environment &b) { return a.name < b.name; });
    for (const Environment &e : std::as_const(sorted)) {
        QJsonObject vars;
        for (auto it = e.variables.cbegin(); it != e.variables.cend(); ++it)
            vars.insert(it.key(), it.value());
        environments.append(QJsonObject { { u"name"_s, e.name }, { u"variables"_s, vars } });
    }
    QJsonArray requests;
    for (const SavedRequest &s : c.requests)
        requests.append(requestJsonImpl(s));
    QJsonObject o {
        { u"format"_s, kFormat },
        { u"version"_s, 1 },
        { u"name"_s, c.name },
        { u"environments"_s, environments },
        { u"requests"_s, requests },
    };
    if (!c.caFile.isEmpty())
        o.insert(u"ca_file"_s, c.caFile);
    return o;
}

Error malformed(const QString &what)
{
    return Error::input(u"collection-malformed"_s, u"Not a Keyhaven collection: %1."_s.arg(what));
}

Result<SavedRequest> requestFromJson(const QJsonValue &v, int index)
{
    const QString where = u"request %1"_s.arg(index + 1);
    if (!v.isObject())
        return malformed(where + u" is not an object"_s);
    const QJsonObject o = v.toObject();
    SavedRequest s;
    s.name = o.value(u"name"_s).toString();
    Request &r = s.request;
    r.method = o.value(u"method"_s).toString(u"GET"_s).toUtf8();
    r.url = o.value(u"url"_s).toString();
    if (!o.value(u"url"_s).isString() || r.url.isEmpty())
        return malformed(where + u" has no \"url\""_s);
    for (const QJsonValue &h : o.value(u"headers"_s).toArray()) {
        const QJsonArray pair = h.toArray();
        if (pair.size() != 2 || !pair[0].isString() || !pair[1].isString())
            return malformed(where + u" has a header that is not [name, value]"_s);
        r.headers.append({ pair[0].toString().toUtf8(), pair[1].toString().toUtf8() });
    }
    if (o.contains(u"body"_s) && o.contains(u"body_base64"_s))
        return malformed(where + u" has both \"body\" and \"body_base64\""_s);
    if (o.value(u"body"_s).isString()) {
        r.body = o.value(u"body"_s).toString().toUtf8();
    } else if (o.value(u"body_base64"_s).isString()) {
        const auto decoded =
            QByteArray::fromBase64Encoding(o.value(u"body_base64"_s).toString().toLatin1(),
                QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return malformed(where + u" has a \"body_base64\" that is not base64"_s);
        r.body = *decoded;
    }
    const std::optional<BodyKind> bodyKind =
        valueOf(bodyKindIds(), o.value(u"body_kind"_s).toString(u"none"_s));
    if (!bodyKind)
        return malformed(where + u" has an unknown \"body_kind\""_s);
    r.bodyKind =
        r.body ? (*bodyKind == BodyKind::None ? BodyKind::Text : *bodyKind) : BodyKind::None;
    if (o.contains(u"auth"_s)) {
        const QJsonObject a = o.value(u"auth"_s).toObject();
        const std::optional<AuthBinding::Kind> kind =
            valueOf(authKindIds(), a.value(u"kind"_s).toString());
        if (!kind)
            return malformed(where + u" has an unknown auth \"kind\""_s);
        r.auth.kind = *kind;
        r.auth.item = a.value(u"item"_s).toString();
        r.auth.user = a.value(u"user"_s).toString();
        r.auth.headerName = a.value(u"name"_s).toString().toUtf8();
        const std::optional<AuthBinding::Placement> placement =
            valueOf(placementIds(), a.value(u"in"_s).toString(u"header"_s));
        if (!placement)
            return malformed(where + u" has an auth \"in\" that is not header, query or cookie"_s);
        r.auth.placement = *placement;
        if (r.auth.kind != AuthBinding::Kind::None && r.auth.item.isEmpty())
            return malformed(where + u" has an auth binding without an \"item\""_s);
        if (r.auth.kind == AuthBinding::Kind::ApiKey && r.auth.headerName.isEmpty())
            r.auth.headerName = "X-API-Key"_ba;
        if (r.auth.kind == AuthBinding::Kind::Basic && r.auth.user.isEmpty())
            return malformed(where + u" has a Basic binding without a \"user\""_s);
    }
    const QJsonObject options = o.value(u"options"_s).toObject();
    r.insecureTls = options.value(u"insecure_tls"_s).toBool();
    r.followRedirects = options.value(u"follow_redirects"_s).toBool();
    r.compressed = options.value(u"compressed"_s).toBool();
    r.timeoutMs = std::max(0, options.value(u"timeout_ms"_s).toInt());
    r.caFile = options.value(u"ca_file"_s).toString();
    return s;
}

Error notFound(const QString &what) { return Error::input(u"not-found"_s, what); }

} // namespace

const SavedRequest *Collection::request(const QString &name) const
{
    for (const SavedRequest &r : requests) {
        if (r.name == name)
            return &r;
    }
    return nullptr;
}

const Environment *Collection::environment(const QString &name) const
{
    for (const Environment &e : environments) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

bool isSecretVariableName(const QString &name)
{
    static const QRegularExpression re(
        u"(pass(word|wd)?|secret|token|credentials?|bearer|api[-_.]?key|private[-_.]?key|cookie|"_s
        u"session(id)?)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    return isCredentialParameterName(name) || re.match(name).hasMatch();
}

QStringList variablesUsed(const Request &r)
{
    QStringList names;
    auto scan = [&names](const QString &text) {
        for (auto it = variablePattern().globalMatch(text); it.hasNext();)
            names.append(it.next().captured(1));
    };
    scan(r.url);
    for (const Header &h : r.headers)
        scan(QString::fromUtf8(h.second));
    if (bodyTakesVariables(r))
        scan(QString::fromUtf8(*r.body));
    names.sort();
    names.removeDuplicates();
    return names;
}

Result<void> validateCollection(const Collection &c)
{
    if (c.name.trimmed().isEmpty())
        return Error::input(u"name-missing"_s, u"A collection needs a name."_s);
    if (c.name.contains(u'/') || c.name != c.name.trimmed())
        return Error::input(u"name-invalid"_s,
            u"A collection's name cannot contain '/' or start or end with a space: \"%1\"."_s.arg(
                c.name));
    QStringList seen;
    for (const SavedRequest &s : c.requests) {
        if (s.name.trimmed().isEmpty())
            return Error::input(
                u"name-missing"_s, u"A request of \"%1\" has no name."_s.arg(c.name));
        if (seen.contains(s.name))
            return Error::input(u"duplicate-name"_s,
                u"\"%1\" has two requests named \"%2\"."_s.arg(c.name, s.name));
        seen.append(s.name);
        const QList<DetectedCredential> found = detectCredentials(s.request);
        if (!found.isEmpty())
            return Error::input(u"secret-in-request"_s,
                u"The request \"%1\" carries a credential in the %2. A collection holds item "
                "references only: move the credential into the vault and bind the item."_s.arg(
                    s.name, found.first().where));
    }
    seen.clear();
    for (const Environment &e : c.environments) {
        if (e.name.trimmed().isEmpty())
            return Error::input(
                u"name-missing"_s, u"An environment of \"%1\" has no name."_s.arg(c.name));
        if (seen.contains(e.name))
            return Error::input(u"duplicate-name"_s,
                u"\"%1\" has two environments named \"%2\"."_s.arg(c.name, e.name));
        seen.append(e.name);
        for (auto it = e.variables.cbegin(); it != e.variables.cend(); ++it) {
            if (!variablePattern().match(u"{{"_s + it.key() + u"}}"_s).hasMatch())
                return Error::input(u"name-invalid"_s,
                    u"\"%1\" is not a variable name (letters, digits, '_', '.', '-')."_s.arg(
                        it.key()));
            if (isSecretVariableName(it.key()) && !it.value().isEmpty())
                return Error::input(u"secret-in-environment"_s,
                    u"The variable \"%1\" of the environment \"%2\" looks like a secret. "
                    "Variables are stored in plain text and exported: keep the secret in the "
                    "vault and bind its item to the request."_s.arg(it.key(), e.name));
        }
    }
    return {};
}

Result<Request> resolveRequest(
    const Collection &c, const SavedRequest &saved, const QString &environmentName)
{
    const Environment *env = nullptr;
    if (!environmentName.isEmpty()) {
        env = c.environment(environmentName);
        if (!env)
            return Error::input(u"unknown-environment"_s,
                u"The collection \"%1\" has no environment \"%2\"."_s.arg(c.name, environmentName));
    }
    Request r = saved.request;
    QStringList missing;
    auto substitute = [&](const QString &text) {
        QString out;
        qsizetype last = 0;
        for (auto it = variablePattern().globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            out += QStringView(text).mid(last, m.capturedStart() - last);
            const QString name = m.captured(1);
            if (env && env->variables.contains(name)) {
                out += env->variables.value(name);
            } else {
                out += m.captured(0);
                if (!missing.contains(name))
                    missing.append(name);
            }
            last = m.capturedEnd();
        }
        out += QStringView(text).mid(last);
        return out;
    };
    r.url = substitute(r.url);
    for (Header &h : r.headers)
        h.second = substitute(QString::fromUtf8(h.second)).toUtf8();
    if (bodyTakesVariables(r))
        r.body = substitute(QString::fromUtf8(*r.body)).toUtf8();
    if (!missing.isEmpty())
        return Error::input(u"unknown-variable"_s,
            (env ? u"The environment \"%1\" has no value for %2."_s.arg(env->name)
                 : u"Pick an environment: the request uses %2."_s)
                .arg(u"{{"_s + missing.join(u"}}, {{"_s) + u"}}"_s));
    if (r.caFile.isEmpty())
        r.caFile = c.caFile;
    return r;
}

QJsonObject savedRequestJson(const SavedRequest &request) { return requestJsonImpl(request); }

QByteArray exportCollection(const Collection &c)
{
    return QJsonDocument(collectionJson(c)).toJson(QJsonDocument::Indented);
}

Result<Collection> importCollection(const QByteArray &json)
{
    if (json.size() > kMaxCollectionJson)
        return Error::input(u"input-too-large"_s, u"The collection file is larger than 64 MiB."_s);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return malformed(
            u"invalid JSON at byte %1 (%2)"_s.arg(parseError.offset).arg(parseError.errorString()));
    const QJsonObject o = doc.object();
    if (o.value(u"format"_s).toString() != kFormat)
        return malformed(u"\"format\" is not \"%1\""_s.arg(kFormat));
    if (o.value(u"version"_s).toInt() != 1)
        return malformed(u"version %1 is not known (this Keyhaven reads version 1)"_s.arg(
            o.value(u"version"_s).toVariant().toString()));
    Collection c;
    c.name = o.value(u"name"_s).toString();
    c.caFile = o.value(u"ca_file"_s).toString();
    for (const QJsonValue &v : o.value(u"environments"_s).toArray()) {
        const QJsonObject eo = v.toObject();
        Environment e;
        e.name = eo.value(u"name"_s).toString();
        const QJsonObject vars = eo.value(u"variables"_s).toObject();
        for (auto it = vars.begin(); it != vars.end(); ++it) {
            if (!it.value().isString())
                return malformed(
                    u"the variable \"%1\" of \"%2\" is not a string"_s.arg(it.key(), e.name));
            e.variables.insert(it.key(), it.value().toString());
        }
        c.environments.append(e);
    }
    const QJsonArray requests = o.value(u"requests"_s).toArray();
    for (int i = 0; i < requests.size(); ++i) {
        Result<SavedRequest> s = requestFromJson(requests.at(i), i);
        if (!s)
            return s.error();
        c.requests.append(std::move(s).value());
    }
    if (Result<void> ok = validateCollection(c); !ok)
        return ok.error();
    return c;
}

Collections::Collections(std::unique_ptr<SqliteConnection> db)
    : m_db(std::move(db))
{
}

Collections::~Collections() = default;

Result<std::unique_ptr<Collections>> Collections::open(const QString &databaseFile)
{
    Result<std::unique_ptr<SqliteConnection>> db =
        SqliteConnection::open(databaseFile, u"replay_collections"_s,
            u"CREATE TABLE IF NOT EXISTS replay_collections ("
            "name TEXT PRIMARY KEY, json TEXT NOT NULL, updated TEXT NOT NULL)"_s);
    if (!db)
        return db.error();
    return std::unique_ptr<Collections>(new Collections(std::move(db).value()));
}

Result<QList<Collection>> Collections::list(QStringList *unreadable) const
{
    QSqlQuery q(m_db->database());
    if (!q.exec(u"SELECT name, json FROM replay_collections ORDER BY name"_s))
        return databaseError(u"Cannot read the collections"_s, q.lastError());
    QList<Collection> out;
    while (q.next()) {
        Result<Collection> c = importCollection(q.value(1).toString().toUtf8());
        if (c)
            out.append(std::move(c).value());
        else if (unreadable) // one damaged row does not hide the others
            unreadable->append(u"%1: %2"_s.arg(q.value(0).toString(), c.error().message));
    }
    return out;
}

Result<Collection> Collections::get(const QString &name) const
{
    QSqlQuery q(m_db->database());
    q.prepare(u"SELECT json FROM replay_collections WHERE name = ?"_s);
    q.addBindValue(name);
    if (!q.exec())
        return databaseError(u"Cannot read the collections"_s, q.lastError());
    if (!q.next())
        return notFound(u"There is no collection \"%1\"."_s.arg(name));
    Result<Collection> c = importCollection(q.value(0).toString().toUtf8());
    if (!c)
        return Error::environment(u"database"_s,
            u"The stored collection \"%1\" cannot be read: %2"_s.arg(name, c.error().message));
    return c;
}

Result<void> Collections::put(const Collection &c)
{
    if (Result<void> ok = validateCollection(c); !ok)
        return ok;
    QSqlQuery q(m_db->database());
    q.prepare(u"INSERT OR REPLACE INTO replay_collections (name, json, updated) VALUES (?, ?, "
              "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"_s);
    q.addBindValue(c.name);
    q.addBindValue(QString::fromUtf8(exportCollection(c)));
    if (!q.exec())
        return databaseError(u"Cannot save the collection"_s, q.lastError());
    return {};
}

Result<void> Collections::remove(const QString &name)
{
    QSqlQuery q(m_db->database());
    q.prepare(u"DELETE FROM replay_collections WHERE name = ?"_s);
    q.addBindValue(name);
    if (!q.exec())
        return databaseError(u"Cannot remove the collection"_s, q.lastError());
    if (q.numRowsAffected() == 0)
        return notFound(u"There is no collection \"%1\"."_s.arg(name));
    return {};
}

Result<void> Collections::saveRequest(const QString &collection, const SavedRequest &request)
{
    Result<Collection> c = get(collection);
    if (!c && c.error().id != u"not-found")
        return c.error();
    Collection updated = c ? *c : Collection { collection, {}, {}, {} };
    auto it = std::find_if(updated.requests.begin(), updated.requests.end(),
        [&request](const SavedRequest &s) { return s.name == request.name; });
    if (it != updated.requests.end())
        *it = request;
    else
        updated.requests.append(request);
    return put(updated);
}

Result<void> Collections::removeRequest(const QString &collection, const QString &name)
{
    Result<Collection> c = get(collection);
    if (!c)
        return c.error();
    const qsizetype removed =
        c->requests.removeIf([&name](const SavedRequest &s) { return s.name == name; });
    if (removed == 0)
        return notFound(u"The collection \"%1\" has no request \"%2\"."_s.arg(collection, name));
    return put(*c);
}

Result<void> Collections::saveEnvironment(const QString &collection, const Environment &environment,
    const std::optional<QString> &editing)
{
    Result<Collection> c = get(collection);
    if (!c && c.error().id != u"not-found")
        return c.error();
    Collection updated = c ? *c : Collection { collection, {}, {}, {} };
    if (editing && *editing != environment.name) {
        if (updated.environment(environment.name))
            return Error::input(u"name-taken"_s,
                u"The collection \"%1\" already has an environment \"%2\"."_s.arg(
                    collection, environment.name));
        if (!editing->isEmpty() && updated.environments.removeIf([&editing](const Environment &e) {
                return e.name == *editing;
            }) == 0)
            return notFound(
                u"The collection \"%1\" has no environment \"%2\"."_s.arg(collection, *editing));
    }
    updated.environments.removeIf(
        [&environment](const Environment &e) { return e.name == environment.name; });
    updated.environments.append(environment);
    std::sort(updated.environments.begin(), updated.environments.end(),
        [](const Environment &a, const Environment &b) { return a.name < b.name; });
    return put(updated);
}

Result<void> Collections::removeEnvironment(const QString &collection, const QString &name)
{
    Result<Collection> c = get(collection);
    if (!c)
        return c.error();
    if (c->environments.removeIf([&name](const Environment &e) { return e.name == name; }) == 0)
        return notFound(
            u"The collection \"%1\" has no environment \"%2\"."_s.arg(collection, name));
    return put(*c);
}

Result<std::pair<Collection, SavedRequest>> Collections::find(const QString &ref) const
{
    const qsizetype slash = ref.indexOf(u'/');
    if (slash > 0) {
        Result<Collection> c = get(ref.left(slash));
        if (c) {
            if (const SavedRequest *s = c->request(ref.mid(slash + 1)))
                return std::pair { *c, *s };
        } else if (c.error().id != u"not-found") {
            return c.error();
        }
    }
    Result<QList<Collection>> all = list();
    if (!all)
        return all.error();
    std::optional<std::pair<Collection, SavedRequest>> found;
    QStringList where;
    for (const Collection &c : std::as_const(*all)) {
        if (const SavedRequest *s = c.request(ref)) {
            found = std::pair { c, *s };
            where.append(c.name + u'/' + ref);
        }
    }
    if (where.size() > 1)
        return Error::input(u"ambiguous"_s,
            u"Several collections have a request \"%1\": name one of %2."_s.arg(
                ref, where.join(u", "_s)));
    if (!found)
        return notFound(
            u"No saved request is named \"%1\" (keyhaven-cli requests list)."_s.arg(ref));
    return *found;
}

} // namespace keyhaven::replay
