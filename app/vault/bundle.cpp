// vault/bundle.cpp — the team bundle: item metadata as schema-versioned JSON, never a secret.
#include "vault/bundle.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace keyhaven::vault::bundle {

namespace {

QJsonValue timeJson(const QDateTime &t)
{
    // Milliseconds: the store keeps them, and a round trip must compare equal.
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

std::optional<QDateTime> timeFromJson(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QDateTime();
    if (!v.isString())
        return std::nullopt;
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return t.toUTC();
}

std::optional<QStringList> listFromJson(const QJsonValue &v)
{
    if (v.isUndefined())
        return QStringList();
    if (!v.isArray())
        return std::nullopt;
    QStringList out;
    for (const QJsonValue &e : v.toArray()) {
        if (!e.isString())
            return std::nullopt;
        out << e.toString();
    }
    return out;
}

Error invalidBundle(const QString &message) { return Error::input(u"bundle-invalid"_s, message); }

} // namespace

QJsonObject itemToJson(const Item &item)
{
    QJsonObject o {
        { u"id"_s, item.idString() },
        { u"kind"_s, kindId(item.kind) },
        { u"name"_s, item.name },
        { u"owner"_s, item.owner },
        { u"tags"_s, QJsonArray::fromStringList(item.tags) },
        { u"notes"_s, item.notes },
        { u"created"_s, timeJson(item.created) },
        { u"base_urls"_s, QJsonArray::fromStringList(item.baseUrls) },
        { u"expires"_s, timeJson(item.expires) },
        { u"rotate_every_days"_s, item.rotateEveryDays },
        { u"warn_days_before"_s, item.warnDaysBefore },
        { u"overlap_days"_s, item.overlapDays },
        { u"last_rotated"_s, timeJson(item.lastRotated) },
    };
    switch (item.kind) {
    case ItemKind::ApiKey:
        o.insert(u"header"_s, item.headerName);
        break;
    case ItemKind::Jwt:
        o.insert(u"jwt_issuer"_s, item.jwtIssuer);
        o.insert(u"jwt_subject"_s, item.jwtSubject);
        o.insert(u"jwt_audience"_s, QJsonArray::fromStringList(item.jwtAudience));
        break;
    case ItemKind::OAuth:
        o.insert(u"issuer_url"_s, item.issuerUrl);
        o.insert(u"client_id"_s, item.clientId);
        o.insert(u"scopes"_s, QJsonArray::fromStringList(item.scopes));
        break;
    }
    return o;
}

QByteArray write(QList<Item> items)
{
    std::sort(items.begin(), items.end(),
        [](const Item &a, const Item &b) { return a.idString() < b.idString(); });
    QJsonArray array;
    for (const Item &item : std::as_const(items))
        array.append(itemToJson(item));
    const QJsonObject root { { u"schema"_s, kSchema }, { u"items"_s, array } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<QList<Item>> read(const QByteArray &json)
{
    if (json.size() > kMaxBundleSize)
        return Error::input(u"input-too-large"_s, u"The bundle is larger than 64 MiB."_s);
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return invalidBundle(
            u"The bundle is not a JSON object (%1 at offset %2)."_s.arg(parseError.errorString())
                .arg(parseError.offset));
    const QJsonObject root = doc.object();
    const QJsonValue schema = root.value(u"schema"_s);
    if (!schema.isDouble())
        return invalidBundle(u"The bundle has no \"schema\" number."_s);
    if (schema.toInt() != kSchema)
        return Error::input(u"bundle-schema"_s,
            u"The bundle has schema %1; this Keyhaven reads schema %2."_s.arg(schema.toInt())
                .arg(kSchema));
    if (!root.value(u"items"_s).isArray())
        return invalidBundle(u"The bundle has no \"items\" array."_s);

    QList<Item> out;
    QSet<QUuid> seen;
    const QJsonArray array = root.value(u"items"_s).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto bad = [i](const QString &what) {
            return invalidBundle(u"Item %1 of the bundle: %2."_s.arg(i + 1).arg(what));
        };
        if (!array.at(i).isObject())
            return bad(u"not an object"_s);
        const QJsonObject o = array.at(i).toObject();
        Item item;
        item.id = QUuid::fromString(o.value(u"id"_s).toString());
        if (item.id.isNull())
            return bad(u"no valid \"id\""_s);
        if (seen.contains(item.id))
            return bad(u"the id appears twice"_s);
        seen.insert(item.id);
        const std::optional<ItemKind> kind = kindFromId(o.value(u"kind"_s).toString());
        if (!kind)
            return bad(u"\"kind\" is not api-key, jwt or oauth"_s);
        item.kind = *kind;
        if (!o.value(u"name"_s).isString() || o.value(u"name"_s).toString().isEmpty())
            return bad(u"no \"name\""_s);
        item.name = o.value(u"name"_s).toString();
        item.owner = o.value(u"owner"_s).toString();
        item.notes = o.value(u"notes"_s).toString();
        const auto tags = listFromJson(o.value(u"tags"_s));
        const auto urls = listFromJson(o.value(u"base_urls"_s));
        const auto aud = listFromJson(o.value(u"jwt_audience"_s));
        const auto scopes = listFromJson(o.value(u"scopes"_s));
        if (!tags || !urls || !aud || !scopes)
            return bad(u"a list field is not an array of strings"_s);
        item.tags = *tags;
        item.baseUrls = *urls;
        item.jwtAudience = *aud;
        item.scopes = *scopes;
        const auto created = timeFromJson(o.value(u"created"_s));
        const auto expires = timeFromJson(o.value(u"expires"_s));
        const auto lastRotated = timeFromJson(o.value(u"last_rotated"_s));
        if (!created || !expires || !lastRotated)
            return bad(u"a time is not ISO 8601"_s);
        item.created = *created;
        item.expires = *expires;
        item.lastRotated = *lastRotated;
        auto days = [&o](const QString &key, int fallback) {
            const QJsonValue v = o.value(key);
            return v.isDouble() ? v.toInt() : fallback;
        };
        item.rotateEveryDays = days(u"rotate_every_days"_s, item.rotateEveryDays);
        item.warnDaysBefore = days(u"warn_days_before"_s, item.warnDaysBefore);
        item.overlapDays = days(u"overlap_days"_s, item.overlapDays);
        if (item.kind == ItemKind::ApiKey && o.contains(u"header"_s))
            item.headerName = o.value(u"header"_s).toString();
        item.jwtIssuer = o.value(u"jwt_issuer"_s).toString();
        item.jwtSubject = o.value(u"jwt_subject"_s).toString();
        item.issuerUrl = o.value(u"issuer_url"_s).toString();
        item.clientId = o.value(u"client_id"_s).toString();
        out << item;
    }
    return out;
}

QStringList differingFields(const Item &a, const Item &b)
{
    const QJsonObject x = itemToJson(a);
    const QJsonObject y = itemToJson(b);
    QStringList keys = x.keys() + y.keys();
    keys.removeDuplicates();
    keys.sort();
    QStringList out;
    for (const QString &k : std::as_const(keys)) {
        if (x.value(k) != y.value(k))
            out << k;
    }
    return out;
}

} // namespace keyhaven::vault::bundle
