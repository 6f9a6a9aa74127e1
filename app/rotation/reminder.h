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

// The notification text: "3 keys are overdue for rotation: billing, search, maps…" (names
// only; at most `maxNames`).
QString reminderText(int overdueCount, const QStringList &names, int maxNames = 3);

} // namespace keyhaven::rotation
