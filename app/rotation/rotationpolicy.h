// rotation/rotationpolicy.h — when a credential is due for rotation, overdue, or expiring.
#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace keyhaven::rotation {

// A per-item rotation policy. Days are calendar days in the user's time zone: a key rotated at
// 09:00 on 1 March with a 90-day policy is due at 09:00 on 30 May, whatever DST did in between.
struct RotationPolicy
{
    int rotateEveryDays = 90; // 0 = never rotate (no schedule)
    int warnDaysBefore = 14; // "due soon" this many days before the due date
    int overlapDays = 7; // how long the old secret is kept ("retiring until")
};

enum class RotationState {
    NoSchedule, // rotateEveryDays == 0 and no expiry
    Ok,
    DueSoon, // within warnDaysBefore of the due date
    Overdue, // past the due date
    Expiring, // the credential itself expires within warnDaysBefore
    Expired, // the credential itself has expired
};

// Stable ids ("ok", "due-soon", "overdue", "expiring", "expired", "no-schedule") for --json.
QString stateId(RotationState state);

struct RotationInput
{
    QDateTime created; // UTC
    QDateTime lastRotated; // UTC; null = never rotated (created is the anchor)
    QDateTime expires; // UTC; null = does not expire (JWT exp, certificate notAfter, ...)
};

struct RotationStatus
{
    RotationState state = RotationState::NoSchedule;
    QDateTime dueAt; // UTC; null without a schedule
    QDateTime expiresAt; // UTC; copied from the input
    // Whole calendar days from today to the due date (negative when overdue), in `zone`.
    qint64 daysUntilDue = 0;
    // The more urgent of due and expiry, for sorting a dashboard.
    QDateTime nextDeadline;
};

// The due date: the anchor (last rotation, else creation) plus rotateEveryDays calendar days in
// `zone`. Changing the policy mid-period moves the due date, because it always counts from the
// anchor (a key rotated 40 days ago whose policy drops from 90 to 30 days is 10 days overdue).
QDateTime dueDate(const RotationInput &input, const RotationPolicy &policy, const QTimeZone &zone);

RotationStatus evaluate(const RotationInput &input, const RotationPolicy &policy,
    const QDateTime &now, const QTimeZone &zone);

// What a status says, in whole calendar days in `zone`, before it is put into words: the GUI
// words it through tr() (translated, plural forms), statusText() in English for the CLI.
struct StatusPhrase
{
    enum Kind {
        NoSchedule,
        ExpiredToday,
        ExpiredAgo,
        ExpiresToday,
        ExpiresIn,
        DueToday,
        OverdueFor,
        DueIn
    };
    Kind kind = NoSchedule;
    qint64 days = 0; // > 0 for ExpiredAgo, ExpiresIn, OverdueFor, DueIn
};
StatusPhrase statusPhrase(
    const RotationStatus &status, const QDateTime &now, const QTimeZone &zone);

// For people: "overdue for 7 days", "due in 3 days", "due today", "expires in 2 days",
// "expired 3 days ago", "no schedule" (whole calendar days in `zone`).
QString statusText(const RotationStatus &status, const QDateTime &now, const QTimeZone &zone);

// When the old secret of a rotation done at `rotatedAt` is deleted.
QDateTime retiringUntil(
    const QDateTime &rotatedAt, const RotationPolicy &policy, const QTimeZone &zone);

} // namespace keyhaven::rotation
