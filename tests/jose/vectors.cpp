// tests/jose/vectors.cpp — reading the shared test vectors in place.
#include "vectors.h"

#include "testsupport.h"

#include <QJsonDocument>
#include <QtDebug>

namespace keyhaven::test {

QJsonObject loadVectorFile(const QString &relative, bool *ok)
{
    QString error;
    const QByteArray bytes = readTestdata(relative, &error);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    *ok = !bytes.isEmpty() && pe.error == QJsonParseError::NoError && doc.isObject();
    if (!*ok)
        qWarning("cannot load test vectors %s: %s %s", qPrintable(relative), qPrintable(error),
            qPrintable(pe.errorString()));
    return doc.object();
}

QByteArray hex(const QJsonValue &v) { return QByteArray::fromHex(v.toString().toLatin1()); }

QByteArray jsonBytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace keyhaven::test
