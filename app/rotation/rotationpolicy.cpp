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

QString statusText(const RotationStatus &status, const QDateTime &now, const QTimeZone &zone)
{
    const QDate today = now.toTimeZone(zone).date();
    auto days = [](qint64 n) { return n == 1 ? u"1 day"_s : u"%1 days"_s.arg(n); };
    const qint64 toExpiry =
        status.expiresAt.isValid() ? today.daysTo(status.expiresAt.toTimeZone(zone).date()) : 0;
    switch (status.state) {
    case RotationState::NoSchedule:
        return u"no schedule"_s;
    case RotationState::Expired:
        return toExpiry == 0 ? u"expired today"_s : u"expired %1 ago"_s.arg(days(-toExpiry));
    case RotationState::Expiring:
        return toExpiry == 0 ? u"expires today"_s : u"expires in %1"_s.arg(days(toExpiry));
    case RotationState::Overdue:
        return status.daysUntilDue == 0 ? u"due today"_s
                                        : u"overdue for %1"_s.arg(days(-status.daysUntilDue));
    case RotationState::DueSoon:
    case RotationState::Ok:
        if (!status.dueAt.isValid())
            return toExpiry == 0 ? u"expires today"_s : u"expires in %1"_s.arg(days(toExpiry));
        return status.daysUntilDue == 0 ? u"due today"_s
                                        : u"due in %1"_s.arg(days(status.daysUntilDue));
    }
    return {};
}

QDateTime retiringUntil(
    const QDateTime &rotatedAt, const RotationPolicy &policy, const QTimeZone &zone)
{
    return addCalendarDays(rotatedAt, std::max(0, policy.overlapDays), zone);
}

} // namespace keyhaven::rotation
