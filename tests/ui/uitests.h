// tests/ui/uitests.h — the test classes of tst_ui (one executable, run from main.cpp).
#pragma once

#include <QObject>

namespace keyhaven::test {

QObject *makeItemModelsTest();
QObject *makeClipboardTest();
QObject *makePanelsTest();
QObject *makeNoKeychainTest();
QObject *makeDashboardTest();
QObject *makeInspectorTest();
QObject *makeConnectionsPanelTest();
QObject *makeSingleInstanceTest();
QObject *makeDesktopUiTest();
QObject *makeRequestsPanelTest();

// Runs in a child tst_ui (see main.cpp) whose D-Bus session points nowhere: opens a real Vault,
// shows the main window and checks the no-keychain banner. Returns the process exit code.
int runNoKeychainChild();

} // namespace keyhaven::test
