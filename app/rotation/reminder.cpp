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

QString reminderText(int overdueCount, const QStringList &names, int maxNames)
{
    QStringList shown = names.mid(0, maxNames);
    QString list = shown.join(u", "_s);
    if (names.size() > shown.size())
        list += u"…"_s;
    const QString head = overdueCount == 1
        ? u"1 key is overdue for rotation"_s
        : u"%1 keys are overdue for rotation"_s.arg(overdueCount);
    return list.isEmpty() ? head : head + u": "_s + list;
}

} // namespace keyhaven::rotation
