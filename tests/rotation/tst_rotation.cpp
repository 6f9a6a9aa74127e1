// tests/rotation/tst_rotation.cpp — rotation date math: time zones, DST, leap days, policy changes.
#include "rotation/reminder.h"
#include "rotation/rotationpolicy.h"
#include "testsupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace keyhaven::rotation;

namespace {

QDateTime utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t;
}

QTimeZone zone(const char *id) { return QTimeZone(QByteArray(id)); }

} // namespace

class TestRotation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void zonesAreAvailable()
    {
        // tzdata is a runtime dependency (./dev installs it); without it every local time is off.
        QVERIFY(zone("Europe/Berlin").isValid());
        QVERIFY(zone("America/New_York").isValid());
    }

    void dueKeepsWallClockAcrossSpringForward()
    {
        // 09:00 CET (08:00Z) on 1 March + 90 days = 09:00 CEST on 30 May = 07:00Z.
        RotationInput in { utc("2026-03-01T08:00:00"), {}, {} };
        QCOMPARE(dueDate(in, RotationPolicy { 90, 14, 7 }, zone("Europe/Berlin")),
            utc("2026-05-30T07:00:00"));
        // The same in UTC is a plain 90 * 24 h.
        QCOMPARE(dueDate(in, RotationPolicy { 90, 14, 7 }, QTimeZone(QByteArray("UTC"))),
            utc("2026-05-30T08:00:00"));
    }

    void dueKeepsWallClockAcrossFallBack()
    {
        // 10:00 EDT (14:00Z) on 20 Oct + 30 days = 10:00 EST on 19 Nov = 15:00Z.
        RotationInput in { utc("2026-10-20T14:00:00"), {}, {} };
        QCOMPARE(dueDate(in, RotationPolicy { 30, 7, 7 }, zone("America/New_York")),
            utc("2026-11-19T15:00:00"));
    }

    void dueInDstGapIsStillThatDay()
    {
        // 02:30 on 29 March 2026 does not exist in Berlin (02:00 -> 03:00).
        RotationInput in { utc("2026-02-28T01:30:00"), {}, {} };
        const QDateTime due = dueDate(in, RotationPolicy { 29, 7, 7 }, zone("Europe/Berlin"));
        QVERIFY(due.isValid());
        QCOMPARE(due.toTimeZone(zone("Europe/Berlin")).date(), QDate(2026, 3, 29));
    }

    void leapDays()
    {
        const QTimeZone z(QByteArray("UTC"));
        QCOMPARE(dueDate({ utc("2027-12-01T12:00:00"), {}, {} }, { 90, 14, 7 }, z),
            utc("2028-02-29T12:00:00"));
        QCOMPARE(dueDate({ utc("2028-02-29T12:00:00"), {}, {} }, { 365, 14, 7 }, z),
            utc("2029-02-28T12:00:00"));
        QCOMPARE(dueDate({ utc("2028-02-28T12:00:00"), {}, {} }, { 1, 14, 7 }, z),
            utc("2028-02-29T12:00:00"));
    }

    void lastRotationIsTheAnchor()
    {
        const QTimeZone z(QByteArray("UTC"));
        RotationInput in { utc("2025-01-01T00:00:00"), utc("2026-01-01T00:00:00"), {} };
        QCOMPARE(dueDate(in, { 90, 14, 7 }, z), utc("2026-04-01T00:00:00"));
    }

    void policyChangedMidPeriod()
    {
        const QTimeZone z(QByteArray("UTC"));
        const QDateTime now = utc("2026-06-10T12:00:00");
        RotationInput in { now.addDays(-40), {}, {} };
        RotationStatus s90 = evaluate(in, { 90, 14, 7 }, now, z);
        QCOMPARE(s90.state, RotationState::Ok);
        QCOMPARE(s90.daysUntilDue, 50);
        RotationStatus s30 = evaluate(in, { 30, 14, 7 }, now, z);
        QCOMPARE(s30.state, RotationState::Overdue);
        QCOMPARE(s30.daysUntilDue, -10);
        RotationStatus s45 = evaluate(in, { 45, 14, 7 }, now, z);
        QCOMPARE(s45.state, RotationState::DueSoon);
        QCOMPARE(s45.daysUntilDue, 5);
    }

    void daysCountCalendarDaysInTheUsersZone()
    {
        // 23:30 in Berlin, due 00:30 the next local day: one calendar day away, though 1 h.
        const QTimeZone berlin = zone("Europe/Berlin");
        const QDateTime now = utc("2026-05-29T21:30:00"); // 23:30 CEST
        RotationInput in { utc("2026-05-27T22:30:00"), {}, {} }; // 00:30 CEST on 28 May
        RotationStatus s = evaluate(in, { 2, 0, 7 }, now, berlin);
        QCOMPARE(s.dueAt, utc("2026-05-29T22:30:00"));
        QCOMPARE(s.daysUntilDue, 1);
        QCOMPARE(s.state, RotationState::Ok);
    }

    void expiryOutranksRotation()
    {
        const QTimeZone z(QByteArray("UTC"));
        const QDateTime now = utc("2026-06-10T12:00:00");
        RotationInput expired { now.addDays(-200), {}, now.addSecs(-1) };
        QCOMPARE(evaluate(expired, { 90, 14, 7 }, now, z).state, RotationState::Expired);
        RotationInput expiring { now.addDays(-10), {}, now.addDays(3) };
        RotationStatus s = evaluate(expiring, { 90, 14, 7 }, now, z);
        QCOMPARE(s.state, RotationState::Expiring);
        QCOMPARE(s.nextDeadline, now.addDays(3));
        RotationInput tokenOnly { now.addDays(-1), {}, now.addDays(30) };
        QCOMPARE(evaluate(tokenOnly, { 0, 14, 7 }, now, z).state, RotationState::Ok);
        QCOMPARE(evaluate({ now, {}, {} }, { 0, 14, 7 }, now, z).state, RotationState::NoSchedule);
    }

    void exactlyAtDueIsOverdue()
    {
        const QTimeZone z(QByteArray("UTC"));
        RotationInput in { utc("2026-01-01T00:00:00"), {}, {} };
        QCOMPARE(evaluate(in, { 10, 3, 7 }, utc("2026-01-11T00:00:00"), z).state,
            RotationState::Overdue);
        QCOMPARE(evaluate(in, { 10, 3, 7 }, utc("2026-01-10T23:59:59"), z).state,
            RotationState::DueSoon);
    }

    void retiringWindow()
    {
        QCOMPARE(retiringUntil(utc("2026-03-25T08:00:00"), { 90, 14, 7 }, zone("Europe/Berlin")),
            utc("2026-04-01T07:00:00")); // 09:00 CET -> 09:00 CEST a week later
    }

    void stateIdsAreStable()
    {
        QCOMPARE(stateId(RotationState::DueSoon), u"due-soon"_s);
        QCOMPARE(stateId(RotationState::Overdue), u"overdue"_s);
        QCOMPARE(stateId(RotationState::NoSchedule), u"no-schedule"_s);
    }

    void statusText_data()
    {
        QTest::addColumn<QString>("lastRotated");
        QTest::addColumn<QString>("expires");
        QTest::addColumn<QString>("now");
        QTest::addColumn<QString>("text");
        // 30-day policy, anchored 2026-01-01T10:00Z: due 2026-01-31T10:00Z (in UTC).
        QTest::newRow("overdue") << "2026-01-01T10:00:00"
                                 << ""
                                 << "2026-02-07T12:00:00"
                                 << "overdue for 7 days";
        QTest::newRow("overdue-1") << "2026-01-01T10:00:00"
                                   << ""
                                   << "2026-02-01T09:00:00"
                                   << "overdue for 1 day";
        QTest::newRow("due-today-past") << "2026-01-01T10:00:00"
                                        << ""
                                        << "2026-01-31T11:00:00"
                                        << "due today";
        QTest::newRow("due-soon") << "2026-01-01T10:00:00"
                                  << ""
                                  << "2026-01-28T23:00:00"
                                  << "due in 3 days";
        QTest::newRow("ok") << "2026-01-01T10:00:00"
                            << ""
                            << "2026-01-02T10:00:00"
                            << "due in 29 days";
        QTest::newRow("expiring") << "2026-01-01T10:00:00"
                                  << "2026-01-05T00:00:00"
                                  << "2026-01-03T10:00:00"
                                  << "expires in 2 days";
        QTest::newRow("expired") << "2026-01-01T10:00:00"
                                 << "2026-01-05T00:00:00"
                                 << "2026-01-08T10:00:00"
                                 << "expired 3 days ago";
    }

    void statusText()
    {
        QFETCH(QString, lastRotated);
        QFETCH(QString, expires);
        QFETCH(QString, now);
        QFETCH(QString, text);
        auto at = [](const QString &s) {
            return s.isEmpty() ? QDateTime() : utc(s.toLatin1().constData());
        };
        const RotationInput in { at(lastRotated), {}, at(expires) };
        const RotationPolicy policy { 30, 14, 7 };
        const QTimeZone z = zone("UTC");
        const RotationStatus s = evaluate(in, policy, at(now), z);
        QCOMPARE(keyhaven::rotation::statusText(s, at(now), z), text);
    }

    void noScheduleText()
    {
        const RotationStatus s = evaluate({ utc("2026-01-01T00:00:00"), {}, {} },
            RotationPolicy { 0, 14, 7 }, utc("2026-02-01T00:00:00"), zone("UTC"));
        QCOMPARE(s.state, RotationState::NoSchedule);
        QCOMPARE(keyhaven::rotation::statusText(s, utc("2026-02-01T00:00:00"), zone("UTC")),
            u"no schedule"_s);
    }

    void reminderAtMostOnceADay()
    {
        const QTimeZone berlin = zone("Europe/Berlin");
        ReminderState state;
        const QDateTime evening = utc("2026-11-23T22:50:00"); // 23:50 in Berlin
        QVERIFY(!shouldRemind(state, 0, evening, berlin)); // nothing overdue
        QVERIFY(shouldRemind(state, 2, evening, berlin)); // never shown
        state.lastShown = evening.toTimeZone(berlin).date();
        QVERIFY(!shouldRemind(state, 2, evening, berlin)); // shown today
        QVERIFY(!shouldRemind(state, 2, utc("2026-11-23T22:59:00"), berlin));
        // 00:10 in Berlin is the next day there, though still the 23rd in UTC.
        QVERIFY(shouldRemind(state, 2, utc("2026-11-23T23:10:00"), berlin));
        QVERIFY(!shouldRemind(state, 2, utc("2026-11-23T23:10:00"), zone("UTC")));
        // A last-shown day in the future (clock set back) waits too.
        state.lastShown = QDate(2026, 12, 1);
        QVERIFY(!shouldRemind(state, 2, evening, berlin));
        // Turned off: never.
        state = ReminderState { false, {} };
        QVERIFY(!shouldRemind(state, 5, evening, berlin));
    }

    void reminderListsNames()
    {
        QCOMPARE(reminderNames({ u"billing"_s }), u"billing"_s);
        QCOMPARE(reminderNames({ u"a"_s, u"b"_s, u"c"_s, u"d"_s }), u"a, b, c…"_s);
        QCOMPARE(reminderNames({ u"a"_s, u"b"_s }, 1), u"a…"_s);
        QVERIFY(reminderNames({}).isEmpty());
    }

    void statusPhraseCountsWholeDays()
    {
        using keyhaven::rotation::StatusPhrase;
        const QTimeZone z = zone("UTC");
        const RotationPolicy policy { 30, 14, 7 };
        const QDateTime anchor = utc("2026-01-01T10:00:00");
        auto phrase = [&](const char *now, const QDateTime &expires = {}) {
            const RotationStatus s = evaluate({ anchor, {}, expires }, policy, utc(now), z);
            return keyhaven::rotation::statusPhrase(s, utc(now), z);
        };
        StatusPhrase p = phrase("2026-02-07T12:00:00");
        QCOMPARE(p.kind, StatusPhrase::OverdueFor);
        QCOMPARE(p.days, 7);
        p = phrase("2026-01-31T11:00:00");
        QCOMPARE(p.kind, StatusPhrase::DueToday);
        p = phrase("2026-01-28T23:00:00");
        QCOMPARE(p.kind, StatusPhrase::DueIn);
        QCOMPARE(p.days, 3);
        p = phrase("2026-01-08T10:00:00", utc("2026-01-05T00:00:00"));
        QCOMPARE(p.kind, StatusPhrase::ExpiredAgo);
        QCOMPARE(p.days, 3);
        p = phrase("2026-01-05T10:00:00", utc("2026-01-05T23:00:00"));
        QCOMPARE(p.kind, StatusPhrase::ExpiresToday);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return keyhaven::test::runAll(argc, argv, { [] { return new TestRotation; } });
}

#include "tst_rotation.moc"
