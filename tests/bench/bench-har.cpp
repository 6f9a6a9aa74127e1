// tests/bench/bench-har.cpp — bench_har FILE [RUNS]: reads a HAR file and imports every entry
// with replay::importHar, as `keyhaven-cli replay --har` and the Requests panel do. Prints the
// entry count, the file size, the best and median wall time (read + parse + rebuild), and the
// process's peak RSS (getrusage) as a multiple of the file size.
#include "replay/harimport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_har FILE [RUNS]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, atoi(argv[2])) : 3;
    QList<qint64> times;
    qsizetype entries = 0;
    qint64 fileSize = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        QFile file(QString::fromLocal8Bit(argv[1]));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "bench_har: cannot open %s\n", argv[1]);
            return 3;
        }
        const QByteArray bytes = file.readAll();
        fileSize = bytes.size();
        auto imported = keyhaven::replay::importHar(bytes);
        if (!imported) {
            std::fprintf(stderr, "bench_har: %s\n", qPrintable(imported.error().message));
            return 1;
        }
        entries = imported->size();
        times << t.elapsed();
    }
    std::sort(times.begin(), times.end());
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const double peakMb = double(usage.ru_maxrss) / 1024.0; // kB on Linux
    const double fileMb = double(fileSize) / (1024.0 * 1024.0);
    std::printf("HAR import: %lld entries, %.1f MB: best %lld ms, median %lld ms over %d runs; "
                "peak RSS %.0f MB = %.2fx the file (targets: <= 1000 ms, <= 3x)\n",
        qlonglong(entries), fileMb, qlonglong(times.first()), qlonglong(times.at(times.size() / 2)),
        runs, peakMb, peakMb / fileMb);
    return 0;
}
