// tests/cli/main.cpp — runs the CLI test classes.
#include "testsupport.h"

#include <QCoreApplication>

QObject *makeCliJoseTest(); // clijosetest.cpp
QObject *makeCliKeysTest(); // clikeystest.cpp
QObject *makeCliDocsTest(); // clidocstest.cpp
QObject *makeCliReplayTest(); // clireplaytest.cpp

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return keyhaven::test::runAll(
        argc, argv, { makeCliJoseTest, makeCliKeysTest, makeCliDocsTest, makeCliReplayTest });
}
