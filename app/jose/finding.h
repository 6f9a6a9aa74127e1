// jose/finding.h — a named verification finding and the catalogue of ids (DESIGN.md).
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace keyhaven::jose {

enum class Severity { Error, Warning };

// One named observation about a token or key. `id` is one of the stable ids of DESIGN.md;
// `message` says what is wrong and why it matters (with the RFC 8725 section where one applies).
struct Finding
{
    QString id;
    Severity severity = Severity::Error;
    QString message;

    // detail: what was found in this token ("exp 1300819380 is 3 h in the past"). The
    // catalogue's explanation of why it matters is appended.
    static Finding error(const QString &id, const QString &detail);
    static Finding warning(const QString &id, const QString &detail);

    bool isError() const { return severity == Severity::Error; }
    QString severityName() const
    {
        return isError() ? QStringLiteral("error") : QStringLiteral("warning");
    }
    QJsonObject toJson() const;
};

using Findings = QList<Finding>;

// Every id the engine emits, in DESIGN.md order.
const QStringList &findingIds();
// Why the rule exists (with its RFC reference), for the given id; empty for an unknown id.
QString findingRationale(const QString &id);

bool hasError(const Findings &findings);
bool hasFinding(const Findings &findings, const QString &id);
QJsonArray toJson(const Findings &findings);

} // namespace keyhaven::jose
