// rotation/rotationpolicy.cpp — rotation date math in calendar days of the user's time zone.
#include "rotation/rotationpolicy.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace keyhaven::rotation {

namespace {

// Adds calendar days in `zone`, keeping the wall-clock time (QDateTime::addDays in that zone
// does this; a wall time that falls into a DST gap is moved forward by Qt).
QDateTime addCalendarDays(const QDateTime &utc, int days, const QTimeZone &zone)
{
    return utc.toTimeZone(zone).addDays(days).toUTC();
}

} // namespace

QString stateId(RotationState state)
{
    switch (state) {
    case RotationState::NoSchedule:
        return u"no-schedule"_s;
    case RotationState::Ok:
        return u"ok"_s;
    case RotationState::DueSoon:
        return u"due-soon"_s;
    case RotationState::Overdue:
        return u"overdue"_s;
    case RotationState::Expiring:
        return u"expiring"_s;
    case RotationState::Expired:
        return u"expired"_s;
    }
    return {};
}

QDateTime dueDate(const RotationInput &input, const RotationPolicy &policy, const QTimeZone &zone)
{
    if (policy.rotateEveryDays <= 0)
        return {};
    const QDateTime anchor = input.lastRotated.isValid() ? input.lastRotated : input.created;
    if (!anchor.isValid())
        return {};
    return addCalendarDays(anchor, policy.rotateEveryDays, zone);
}

RotationStatus evaluate(const RotationInput &input, const RotationPolicy &policy,
    const QDateTime &now, const QTimeZone &zone)
{
    RotationStatus s;
    s.dueAt = dueDate(input, policy, zone);
    s.expiresAt = input.expires;
    const QDate today = now.toTimeZone(zone).date();
    const int warn = std::max(0, policy.warnDaysBefore);

    if (s.dueAt.isValid())
        s.daysUntilDue = today.daysTo(s.dueAt.toTimeZone(zone).date());

    if (s.dueAt.isValid() && s.expiresAt.isValid())
        s.nextDeadline = std::min(s.dueAt, s.expiresAt);
    else
        s.nextDeadline = s.dueAt.isValid() ? s.dueAt : s.expiresAt;

    // Expiry is the harder deadline: an expired credential no longer works at all.
    if (s.expiresAt.isValid() && now >= s.expiresAt) {
        s.state = RotationState::Expired;
    } else if (s.dueAt.isValid() && now >= s.dueAt) {
        s.state = RotationState::Overdue;
    } else if (s.expiresAt.isValid() && today.daysTo(s.expiresAt.toTimeZone(zone).date()) <= warn) {
        s.state = RotationState::Expiring;
    } else if (s.dueAt.isValid() && s.daysUntilDue <= warn) {
        s.state = RotationState::DueSoon;
    } else if (s.dueAt.isValid() || s.expiresAt.isValid()) {
        s.state = RotationState::Ok;
    } else {
        s.state = RotationState::NoSchedule;
    }
    return s;
}

StatusPhrase statusPhrase(const RotationStatus &status, const QDateTime &now, const QTimeZone &zone)
{
    const QDate today = now.toTimeZone(zone).date();
    const qint64 toExpiry =
        status.expiresAt.isValid() ? today.daysTo(status.expiresAt.toTimeZone(zone).date()) : 0;
    auto expiring = [toExpiry]() -> StatusPhrase {
        if (toExpiry == 0)
            return { StatusPhrase::ExpiresToday, 0 };
        return { StatusPhrase::ExpiresIn, toExpiry };
    };
    switch (status.state) {
    case RotationState::NoSchedule:
        return { StatusPhrase::NoSchedule, 0 };
    case RotationState::Expired:
        if (toExpiry == 0)
            return { StatusPhrase::ExpiredToday, 0 };
        return { StatusPhrase::ExpiredAgo, -toExpiry };
    case RotationState::Expiring:
        return expiring();
    case RotationState::Overdue:
        if (status.daysUntilDue == 0)
            return { StatusPhrase::DueToday, 0 };
        return { StatusPhrase::OverdueFor, -status.daysUntilDue };
    case RotationState::DueSoon:
    case RotationState::Ok:
        if (!status.dueAt.isValid())
            return expiring();
        if (status.daysUntilDue == 0)
            return { StatusPhrase::DueToday, 0 };
        return { StatusPhrase::DueIn, status.daysUntilDue };
    }
    return {};
}

QString statusText(const RotationStatus &status, const QDateTime &now, const QTimeZone &zone)
{
    const StatusPhrase p = statusPhrase(status, now, zone);
    const QString days = p.days == 1 ? u"1 day"_s : u"%1 days"_s.arg(p.days);
    switch (p.kind) {
    case StatusPhrase::NoSchedule:
        return u"no schedule"_s;
    case StatusPhrase::ExpiredToday:
        return u"expired today"_s;
    case StatusPhrase::ExpiredAgo:
        return u"expired %1 ago"_s.arg(days);
    case StatusPhrase::ExpiresToday:
        return u"expires today"_s;
    case StatusPhrase::ExpiresIn:
        return u"expires in %1"_s.arg(days);
    case StatusPhrase::DueToday:
        return u"due today"_s;
    case StatusPhrase::OverdueFor:
        return u"overdue for %1"_s.arg(days);
    case StatusPhrase::DueIn:
        return u"due in %1"_s.arg(days);
    }
    return {};
}

QDateTime retiringUntil(
    const QDateTime &rotatedAt, const RotationPolicy &policy, const QTimeZone &zone)
{
    return addCalendarDays(rotatedAt, std::max(0, policy.overlapDays), zone);
}

} // namespace keyhaven::rotation
