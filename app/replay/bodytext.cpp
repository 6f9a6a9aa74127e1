// replay/bodytext.cpp — body display forms.
#include "replay/bodytext.h"

#include <QJsonDocument>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace keyhaven::replay {

namespace {
QString hexDump(QByteArrayView bytes)
{
    QString out;
    out.reserve(bytes.size() * 4 + bytes.size() / 16 * 12);
    for (qsizetype row = 0; row < bytes.size(); row += 16) {
        const QByteArrayView line = bytes.sliced(row, qMin<qsizetype>(16, bytes.size() - row));
        out += u"%1  "_s.arg(row, 8, 16, QChar(u'0'));
        for (qsizetype i = 0; i < 16; ++i) {
            out += i < line.size() ? u"%1 "_s.arg(uchar(line[i]), 2, 16, QChar(u'0')) : u"   "_s;
            if (i == 7)
                out += u' ';
        }
        out += u" |"_s;
        for (const char c : line)
            out += (c >= 0x20 && c < 0x7f) ? QChar(QLatin1Char(c)) : QChar(u'.');
        out += u"|\n"_s;
    }
    return out;
}
} // namespace

BodyText bodyText(const QByteArray &body, const QByteArray &contentType, qsizetype hexLimit)
{
    BodyText out;
    if (body.isEmpty())
        return out;
    const QByteArray trimmed = body.trimmed();
    const bool saysJson = contentType.toLower().contains("json");
    if (saysJson || trimmed.startsWith('{') || trimmed.startsWith('[')) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        if (error.error == QJsonParseError::NoError && !doc.isNull()) {
            out.kind = BodyText::Kind::Json;
            out.text = QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
            return out;
        }
    }
    if (!body.contains('\0')) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = decoder.decode(body);
        if (!decoder.hasError()) {
            out.kind = BodyText::Kind::Text;
            out.text = std::move(text);
            return out;
        }
    }
    out.kind = BodyText::Kind::Binary;
    out.truncated = body.size() > hexLimit;
    out.text = hexDump(QByteArrayView(body).first(qMin(body.size(), hexLimit)));
    return out;
}

} // namespace keyhaven::replay
