// replay/harimport.h — HAR 1.2 files (as browsers save them) to replayable requests.
#pragma once

#include "common/result.h"
#include "replay/request.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace keyhaven::replay {

struct HarEntry
{
    int index = 0; // position in log.entries (what --entry N names, from 0)
    QString pageref;
    QDateTime started;
    Request request;
    int status = 0; // the recorded response status, 0 if none
    QStringList notes; // what could not be rebuilt (a file part whose bytes are not in the HAR)
};

struct HarFilter
{
    QString host; // exact host, case-insensitive; empty = any
    QByteArray method; // empty = any
    int status = 0; // 0 = any

    bool matches(const HarEntry &entry) const;
};

// Parses {"log": {"version", "pages"?, "entries": [{request, response, ...}]}}. Vendor fields
// ("_initiator", "_resourceType"...) are ignored; base64 request bodies are decoded. Error ids:
// "har-malformed", "input-too-large".
Result<QList<HarEntry>> importHar(const QByteArray &json, const HarFilter &filter = {});

} // namespace keyhaven::replay
