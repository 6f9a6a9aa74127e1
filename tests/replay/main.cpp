// tests/replay/main.cpp — runs the replay test classes.
#include "testsupport.h"

#include <QCoreApplication>

QObject *makeCurlImportTest(); // tst_curlimport.cpp
QObject *makeDiagnosisTest(); // tst_diagnosis.cpp
QObject *makeHistoryTest(); // tst_history.cpp
QObject *makeHarImportTest(); // tst_harimport.cpp
QObject *makeCurlExportTest(); // tst_curlexport.cpp
QObject *makeExchangeTest(); // tst_exchange.cpp
QObject *makeCollectionsTest(); // tst_collections.cpp

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return keyhaven::test::runAll(argc, argv,
        { makeCurlImportTest, makeDiagnosisTest, makeHistoryTest, makeHarImportTest,
            makeCurlExportTest, makeExchangeTest, makeCollectionsTest });
}
