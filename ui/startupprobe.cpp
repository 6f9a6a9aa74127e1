// ui/startupprobe.cpp — `keyhaven --bench-startup`: time to first paint and resident memory.
#include "startupprobe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <ctime>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

namespace {

constexpr int kSettleMs = 1000;

} // namespace

StartupProbe::StartupProbe(const QElapsedTimer &sinceMain, QObject *parent)
    : QObject(parent)
    , m_sinceMain(sinceMain)
{
}

void StartupProbe::watch(QWidget *window) { window->installEventFilter(this); }

double StartupProbe::msSinceProcessStart()
{
    QFile f(u"/proc/self/stat"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // Field 22 (starttime, in clock ticks since boot) counts from after the ")" of field 2.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    bool ok = false;
    const double startTicks = double(fields.at(19).toULongLong(&ok));
    if (!ok)
        return -1;
    timespec now {};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

qint64 StartupProbe::residentKiB()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    // Read it whole: /proc files report size 0, so QFile::atEnd() is true from the start.
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_painted && event->type() == QEvent::Paint) {
        m_painted = true;
        const double sinceStart = msSinceProcessStart();
        const qint64 sinceMain = m_sinceMain.elapsed();
        std::printf("first-paint-ms: %.0f\nfirst-paint-since-main-ms: %lld\n", sinceStart,
            static_cast<long long>(sinceMain));
        std::fflush(stdout);
        QTimer::singleShot(kSettleMs, this, [] {
            std::printf("rss-kib: %lld\n", static_cast<long long>(residentKiB()));
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace keyhaven::ui
