// ui/main.cpp — keyhaven GUI entry point: options, the vault, the main window.
#include "common/bootstrap.h"
#include "common/io.h"
#include "common/paths.h"
#include "common/secretbytes.h"
#include "desktop/autostart.h"
#include "desktop/launchrequest.h"
#include "desktop/singleinstance.h"
#include "mainwindow.h"
#include "models/itemfilterproxymodel.h"
#include "panels/dashboardpanel.h"
#include "panels/inspectorpanel.h"
#include "panels/itempanel.h"
#include "panels/requestspanel.h"
#include "replay/authbinding.h"
#include "replay/diagnosis.h"
#include "resources.h"
#include "sampledata.h"
#include "startupprobe.h"
#include "theme.h"
#include "translations.h"
#include "trayreminder.h"
#include "vault/vault.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QIcon>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QPixmap>
#include <QScreen>
#include <QTableView>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using keyhaven::ui::ItemPanel;
using keyhaven::ui::MainWindow;

namespace {

constexpr int kScreenshotSettleMs = 400;
constexpr int kKeychainWaitMs = 5000;
constexpr int kForwardTimeoutMs = 3000;

// Grabs the window as the screen shows it (xcb), or renders the widget tree (other platforms).
bool saveScreenshot(QWidget *window, const QString &file)
{
    QPixmap pixmap;
    if (QGuiApplication::platformName() == u"xcb"_s) {
        if (QScreen *screen = window->screen())
            pixmap = screen->grabWindow(window->winId());
    }
    if (pixmap.isNull())
        pixmap = window->grab();
    return !pixmap.isNull() && pixmap.save(file, "PNG");
}

// --report-state (tests): one JSON line on stdout per launch request the window handled. Never
// the token itself: its alg and sub claim are enough to tell which one the Inspector shows.
void reportState(const MainWindow &window, const char *event)
{
    QJsonObject state { { u"event"_s, QString::fromLatin1(event) },
        { u"panel"_s, window.currentPanelId() }, { u"visible"_s, window.isVisible() } };
    const auto &inspection = window.inspector()->outcome().inspection;
    if (inspection.kind != keyhaven::jose::Inspection::Kind::Empty) {
        state.insert(u"inspector"_s,
            QJsonObject { { u"alg"_s, inspection.alg },
                { u"sub"_s, inspection.claimsObject.value(u"sub"_s) } });
    }
    std::fprintf(stdout, "%s\n", QJsonDocument(state).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    QApplication app(argc, argv);
    keyhaven::bootstrapProcess();
    keyhaven::ui::initResources();
    QApplication::setWindowIcon(QIcon(u":/icons/keyhaven.svg"_s));
    // Wayland and the portals match the window to packaging/<app id>.desktop.
    QGuiApplication::setDesktopFileName(keyhaven::desktop::applicationId());
    keyhaven::ui::loadTranslations(&app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Keep, inspect and use API credentials."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sampleData(u"sample-data"_s,
        QCoreApplication::translate("main", "Fill an empty store with a few sample items."));
    const QCommandLineOption screenshot(u"screenshot"_s,
        QCoreApplication::translate(
            "main", "Save a PNG of the main window to <file> once it is painted, then quit."),
        QCoreApplication::translate("main", "file"));
    const QCommandLineOption benchStartup(u"bench-startup"_s,
        QCoreApplication::translate(
            "main", "Print the time to the first paint and the resident memory, then quit."));
    const QCommandLineOption dashboardOption(
        u"dashboard"_s, QCoreApplication::translate("main", "Start on the rotation dashboard."));
    parser.addOptions({ sampleData, screenshot, benchStartup, dashboardOption });
    const QCommandLineOption panelOption(u"panel"_s,
        QCoreApplication::translate("main",
            "Open on <panel>: api-key, jwt, oauth, inspector, requests or history (with "
            "--sample-data, the inspector verifies a signed sample token and the requests panel "
            "shows a recorded, diagnosed 403)."),
        QCoreApplication::translate("main", "panel"));
    parser.addOption(panelOption);
    const QCommandLineOption minimizedOption(u"minimized"_s,
        QCoreApplication::translate(
            "main", "Start in the system tray (minimized where there is no tray); used at login."));
    parser.addOption(minimizedOption);
    QCommandLineOption reportStateOption(u"report-state"_s,
        QCoreApplication::translate(
            "main", "Print a JSON line for each launch request handled (for tests)."));
    reportStateOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(reportStateOption);
    parser.addPositionalArgument(u"token"_s,
        QCoreApplication::translate("main",
            "A token to open in the Inspector (- reads it from stdin). When Keyhaven is already "
            "running, its window shows the token and this launch exits."),
        u"[token|-]"_s);
    parser.process(app);
    const bool unattended = parser.isSet(screenshot) || parser.isSet(benchStartup);
    const bool reportStates = parser.isSet(reportStateOption);

    // One instance per user and data folder: a second launch hands over and exits. Screenshot
    // and benchmark runs are unattended and stay on their own.
    auto launch = keyhaven::desktop::launchRequestFromArguments(
        parser.positionalArguments(), [] { return keyhaven::io::readFile(u"-"_s); });
    if (!launch) {
        std::fprintf(stderr, "keyhaven: %s\n", qPrintable(launch.error().message));
        return 2;
    }
    auto *instance = new keyhaven::desktop::SingleInstance(&app);
    if (!unattended) {
        using Forward = keyhaven::desktop::SingleInstance::Forward;
        const QString name =
            keyhaven::desktop::SingleInstance::serverName(keyhaven::paths::dataDir());
        switch (keyhaven::desktop::SingleInstance::forward(name, *launch, kForwardTimeoutMs)) {
        case Forward::Delivered:
            return 0;
        case Forward::NoAnswer:
            std::fprintf(stderr, "keyhaven: a running Keyhaven does not answer; close it first.\n");
            return 3;
        case Forward::NoInstance:
            break;
        }
        if (auto listening = instance->listen(name); !listening)
            std::fprintf(stderr, "keyhaven: %s\n", qPrintable(listening.error().message));
    }
    keyhaven::ui::theme::apply(keyhaven::ui::theme::initialScheme());
    keyhaven::ui::theme::followSystem(&app);

    auto opened = keyhaven::vault::Vault::openDefault(&app);
    if (!opened) {
        const QString text = QCoreApplication::translate("main",
            "Keyhaven cannot open its database:\n%1\n\nCheck that the folder is writable and "
            "that no other program holds the file locked.")
                                 .arg(opened.error().message);
        if (unattended) {
            std::fprintf(stderr, "keyhaven: %s\n", qPrintable(text));
            return 3;
        }
        auto *box = new QMessageBox(QMessageBox::Critical,
            QCoreApplication::translate("main", "Keyhaven"), text, QMessageBox::Close);
        box->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(box, &QMessageBox::finished, &app, &QCoreApplication::quit);
        box->open();
        return app.exec();
    }
    keyhaven::vault::Vault *vault = *opened;

    MainWindow window(vault);
    if (parser.isSet(benchStartup)) {
        auto *probe = new keyhaven::ui::StartupProbe(sinceMain, &app);
        probe->watch(&window);
    }
    if (parser.isSet(dashboardOption))
        window.showDashboard();
    if (parser.isSet(panelOption)) {
        const QString panelId = parser.value(panelOption);
        if (!window.showPanel(panelId)) {
            std::fprintf(stderr, "keyhaven: no panel '%s'\n", qPrintable(panelId));
            return 2;
        }
        if (panelId == u"inspector"_s && parser.isSet(sampleData)) {
            const auto sample = keyhaven::ui::sampleSignedToken(QDateTime::currentDateTimeUtc());
            window.inspector()->setPastedKey(QString::fromUtf8(sample.publicJwk));
            window.inspector()->setToken(QString::fromUtf8(sample.token));
        }
    }
    if (!launch->token.isEmpty())
        window.openToken(launch->token);
    keyhaven::SecretBytes::wipe(launch->token);
    QObject::connect(instance, &keyhaven::desktop::SingleInstance::requestReceived, &window,
        [&window, reportStates](keyhaven::desktop::LaunchRequest request) {
            if (request.token.isEmpty())
                keyhaven::ui::bringToFront(&window);
            else
                window.openToken(request.token);
            keyhaven::SecretBytes::wipe(request.token);
            if (reportStates)
                reportState(window, "launch-request");
        });
    if (parser.isSet(minimizedOption) && !unattended) {
        if (!window.trayReminder()) // no tray to start in: a minimized window instead
            window.showMinimized();
    } else {
        window.show();
    }
    if (reportStates)
        reportState(window, "started");
    vault->probeKeychain();

    const auto takeScreenshot = [&window, file = parser.value(screenshot)] {
        if (ItemPanel *panel = window.currentPanel(); panel && panel->proxy()->rowCount() > 0)
            panel->view()->selectRow(0);
        else if (window.isDashboardShown() && window.dashboard()->proxy()->rowCount() > 0)
            window.dashboard()->view()->selectRow(0);
        // A few event-loop turns after the last change so that every widget has painted.
        QTimer::singleShot(kScreenshotSettleMs, &window, [&window, file] {
            const bool ok = saveScreenshot(&window, file);
            if (!ok)
                std::fprintf(stderr, "keyhaven: cannot write %s\n", qPrintable(file));
            QCoreApplication::exit(ok ? 0 : 3);
        });
    };
    // The screenshot waits for the keychain probe (the status bar shows its answer) and for the
    // sample items, both asynchronous.
    const auto whenKeychainKnown = [vault, &window](std::function<void()> next) {
        if (vault->keychainState() != keyhaven::vault::KeychainState::Unknown) {
            next();
            return;
        }
        auto fired = std::make_shared<bool>(false);
        const auto once = [fired, next] {
            if (!std::exchange(*fired, true))
                next();
        };
        QObject::connect(vault, &keyhaven::vault::Vault::keychainStateChanged, &window, once);
        QTimer::singleShot(kKeychainWaitMs, &window, once);
    };
    const auto afterSampleData = [&, vault] {
        if (parser.isSet(sampleData) && parser.value(panelOption) == u"requests"_s) {
            // Saved collections, then a recorded answer (no network): shown and diagnosed as a
            // live one would be.
            if (auto store = keyhaven::replay::Collections::open(vault->databaseFile())) {
                for (const keyhaven::replay::Collection &c : keyhaven::ui::sampleCollections())
                    (void)(*store)->put(c);
            }
            window.requests()->reloadSaved();
            const auto sample = keyhaven::ui::sampleExchange();
            if (window.requests()->loadSaved(u"Billing API"_s, u"Create invoice"_s)) {
                QComboBox *environments = window.requests()->environmentCombo();
                environments->setCurrentIndex(environments->findText(u"staging"_s));
            } else {
                window.requests()->loadRequest(sample.request);
            }
            keyhaven::replay::Request shown = sample.request;
            (void)keyhaven::replay::applyBinding(
                shown, sample.request.auth, sample.request.auth.item, nullptr);
            keyhaven::replay::ResponseFacts facts;
            facts.status = sample.response.status;
            facts.headers = sample.response.headers;
            window.requests()->showResponse(
                shown, sample.response, keyhaven::replay::diagnose(shown, facts));
        }
        if (parser.isSet(screenshot))
            whenKeychainKnown(takeScreenshot);
    };
    if (parser.isSet(sampleData)) {
        whenKeychainKnown([&, vault] {
            keyhaven::ui::addSampleData(vault, &window, [&](keyhaven::Result<void> r) {
                if (!r)
                    std::fprintf(
                        stderr, "keyhaven: sample data: %s\n", qPrintable(r.error().message));
                afterSampleData();
            });
        });
    } else {
        afterSampleData();
    }
    return app.exec();
}
