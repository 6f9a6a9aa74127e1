// rotation/reminder.h — when the tray shows its "items overdue" reminder (at most once a day).
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace keyhaven::rotation {

struct ReminderState
{
    bool enabled = true; // the user can turn reminders off
    QDate lastShown; // calendar day (in the user's zone) of the last reminder; null = never
};

// True when a reminder is due now: enabled, something is overdue, and none was shown today
// (calendar days in `zone`, so a reminder at 23:50 and one at 00:10 are on two days).
bool shouldRemind(
    const ReminderState &state, int overdueCount, const QDateTime &now, const QTimeZone &zone);

// The names a notification lists: "billing, search, maps…" (at most `maxNames`, then "…"). The
// sentence around them is the GUI's, in the user's language.
QString reminderNames(const QStringList &names, int maxNames = 3);

} // namespace keyhaven::rotation
