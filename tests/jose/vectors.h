// tests/jose/vectors.h — reading the shared test vectors in place.
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace keyhaven::test {

// Parses ../shared/testdata/<relative> as a JSON object; *ok false (and a QWARN) when the file
// is missing or broken, which the caller turns into a failure (never a skip).
QJsonObject loadVectorFile(const QString &relative, bool *ok);
QByteArray hex(const QJsonValue &v);
QByteArray jsonBytes(const QJsonObject &o);

} // namespace keyhaven::test
