// ui/startupprobe.h — `keyhaven --bench-startup`: time to first paint and resident memory.
#pragma once

#include <QElapsedTimer>
#include <QObject>

namespace keyhaven::ui {

// Watches a window for its first paint event, prints the time since the process started (from
// /proc/self/stat, so dynamic loading and static initialisation count too) and since main(),
// waits for things to settle, prints VmRSS and quits. Output lines are "name: value" for
// tests/bench/bench-ui.sh.
class StartupProbe : public QObject
{
    Q_OBJECT
public:
    StartupProbe(const QElapsedTimer &sinceMain, QObject *parent);
    void watch(QWidget *window);

    // Milliseconds since the kernel started this process (-1 where /proc is missing).
    static double msSinceProcessStart();
    // VmRSS of this process in KiB (-1 where /proc is missing).
    static qint64 residentKiB();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QElapsedTimer m_sinceMain;
    bool m_painted = false;
};

} // namespace keyhaven::ui
