// vault/jwtclaims.cpp — caches a JWT's iss/sub/aud/exp on its item (a minimal, tolerant decode).
#include "vault/jwtclaims.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace keyhaven::vault {

void applyJwtClaims(Item &item, const SecretBytes &token)
{
    item.jwtIssuer.clear();
    item.jwtSubject.clear();
    item.jwtAudience.clear();
    item.expires = QDateTime();

    const QByteArrayView view = token.view().trimmed();
    const qsizetype firstDot = view.indexOf('.');
    if (firstDot < 0)
        return;
    const qsizetype secondDot = view.indexOf('.', firstDot + 1);
    const QByteArrayView encoded = secondDot < 0
        ? view.sliced(firstDot + 1)
        : view.sliced(firstDot + 1, secondDot - firstDot - 1);
    if (encoded.isEmpty() || encoded.size() > 64 * 1024)
        return;
    auto decoded = QByteArray::fromBase64Encoding(QByteArray(encoded.data(), encoded.size()),
        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return;
    SecretBytes payload(std::move(decoded.decoded)); // wiped when done
    const QJsonObject claims = QJsonDocument::fromJson(payload.bytes()).object();
    if (claims.value(u"iss"_s).isString())
        item.jwtIssuer = claims.value(u"iss"_s).toString();
    if (claims.value(u"sub"_s).isString())
        item.jwtSubject = claims.value(u"sub"_s).toString();
    const QJsonValue aud = claims.value(u"aud"_s);
    if (aud.isString()) {
        item.jwtAudience << aud.toString();
    } else if (aud.isArray()) {
        for (const QJsonValue &a : aud.toArray()) {
            if (a.isString())
                item.jwtAudience << a.toString();
        }
    }
    const QJsonValue exp = claims.value(u"exp"_s);
    if (exp.isDouble() && std::isfinite(exp.toDouble()) && exp.toDouble() >= 0
        && exp.toDouble() < 253402300800.0) // before year 10000
        item.expires = QDateTime::fromSecsSinceEpoch(qint64(exp.toDouble()), Qt::UTC);
}

} // namespace keyhaven::vault
