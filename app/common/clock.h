// common/clock.h — an injectable clock: tests pin "now", production reads the system time.
#pragma once

#include <QDateTime>

#include <functional>

namespace keyhaven {

class Clock
{
public:
    using Source = std::function<QDateTime()>;

    Clock()
        : m_source([] { return QDateTime::currentDateTimeUtc(); })
    {
    }
    explicit Clock(Source source)
        : m_source(std::move(source))
    {
    }
    static Clock system() { return Clock(); }
    static Clock fixed(const QDateTime &at)
    {
        const QDateTime utc = at.toUTC();
        return Clock([utc] { return utc; });
    }
    static Clock fixedEpoch(qint64 secs)
    {
        return fixed(QDateTime::fromSecsSinceEpoch(secs, Qt::UTC)); // Qt 6.4 has no QTimeZone::UTC
    }

    QDateTime now() const { return m_source(); }
    qint64 nowEpoch() const { return m_source().toSecsSinceEpoch(); }

private:
    Source m_source;
};

} // namespace keyhaven
