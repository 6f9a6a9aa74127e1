// tests/jose/main.cpp — runs the jose test classes from one executable.
#include "testsupport.h"

#include <QCoreApplication>

QObject *makeTestParsers(); // tst_parsers.cpp
QObject *makeTestPrimitives(); // tst_primitives.cpp
QObject *makeTestJwsVectors(); // tst_jwsvectors.cpp
QObject *makeTestAttacks(); // tst_attacks.cpp
QObject *makeTestInspection(); // tst_inspection.cpp

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return keyhaven::test::runAll(argc, argv,
        { makeTestParsers, makeTestPrimitives, makeTestJwsVectors, makeTestAttacks,
            makeTestInspection });
}
