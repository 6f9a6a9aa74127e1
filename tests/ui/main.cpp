// tests/ui/main.cpp — tst_ui: models, clipboard and widgets tests on one QApplication.
#include "common/bootstrap.h"
#include "testsupport.h"
#include "uitests.h"

#include <QApplication>
#include <QByteArrayView>
#include <QStandardPaths>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    keyhaven::bootstrapProcess();
    // Settings of the tests never touch the user's own (~/.qttest instead of ~/.config).
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setApplicationName(QStringLiteral("keyhaven-tst-ui"));
    if (argc > 1 && QByteArrayView(argv[1]) == "--no-keychain-child")
        return keyhaven::test::runNoKeychainChild();
    keyhaven::test::freshDataDir();
    using namespace keyhaven::test;
    return runAll(argc, argv,
        { makeItemModelsTest, makeClipboardTest, makePanelsTest, makeNoKeychainTest,
            makeDashboardTest, makeInspectorTest, makeConnectionsPanelTest, makeSingleInstanceTest,
            makeDesktopUiTest, makeRequestsPanelTest });
}
