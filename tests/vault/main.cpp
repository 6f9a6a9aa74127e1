// tests/vault/main.cpp — runs the vault test classes against the real keychain and SQLite.
#include "testsupport.h"
#include "vaulttests.h"

#include <QCoreApplication>
#include <QLoggingCategory>

QObject *makeMetadataStoreTest(); // tst_metadatastore.cpp
QObject *makeSecretStoreTest(); // tst_secretstore.cpp
QObject *makeVaultTest(); // tst_vault.cpp
QObject *makeVaultCrashTest(); // tst_vaultcrash.cpp

int main(int argc, char **argv)
{
    // Capture everything every category logs, debug included: the hygiene test searches it.
    keyhaven::test::installCapturingMessageHandler();
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("keyhaven-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_vault"));
    keyhaven::test::freshDataDir();
    const int failures = keyhaven::test::runAll(argc, argv,
        { makeMetadataStoreTest, makeSecretStoreTest, makeVaultTest, makeVaultCrashTest });
    qInstallMessageHandler(nullptr); // the capture buffer does not outlive main()
    return failures;
}
