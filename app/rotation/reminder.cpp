// rotation/reminder.cpp — when the tray shows its "items overdue" reminder (at most once a day).
#include "rotation/reminder.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace keyhaven::rotation {

bool shouldRemind(
    const ReminderState &state, int overdueCount, const QDateTime &now, const QTimeZone &zone)
{
    if (!state.enabled || overdueCount <= 0)
        return false;
    const QDate today = now.toTimeZone(zone).date();
    // A last-shown day in the future (clock set back, settings copied) also waits.
    return !state.lastShown.isValid() || state.lastShown < today;
}

QString reminderNames(const QStringList &names, int maxNames)
{
    const QStringList shown = names.mid(0, maxNames);
    QString list = shown.join(u", "_s);
    if (names.size() > shown.size())
        list += u"…"_s;
    return list;
}

} // namespace keyhaven::rotation
