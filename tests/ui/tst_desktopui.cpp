// tests/ui/tst_desktopui.cpp — window state, light/dark palette, autostart, drops, German menus,
// and the accessibility walk over every panel and dialog.
#include "common/paths.h"
#include "dialogs/connectiondialog.h"
#include "dialogs/itemdialog.h"
#include "dialogs/rotatedialog.h"
#include "mainwindow.h"
#include "panels/connectionspanel.h"
#include "panels/inspectorpanel.h"
#include "panels/itempanel.h"
#include "testsupport.h"
#include "theme.h"
#include "translations.h"
#include "uitests.h"
#include "vault/vault.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAccessible>
#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;
using keyhaven::desktop::ColorScheme;
using keyhaven::ui::MainWindow;
using keyhaven::vault::ItemKind;
using keyhaven::vault::Vault;
namespace theme = keyhaven::ui::theme;

namespace {

// WCAG 2.x relative luminance and contrast ratio.
double luminance(const QColor &c)
{
    const auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QString describe(const QWidget *w)
{
    return QString::fromLatin1(w->metaObject()->className()) + u" \""_s + w->objectName() + u"\""_s;
}

// Widgets a keyboard user must be able to reach with Tab in `root` as shown now.
QList<QWidget *> tabStops(QWidget *root)
{
    QList<QWidget *> stops;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (w->window() != root || !w->isVisible() || !w->isEnabled())
            continue;
        if (!(w->focusPolicy() & Qt::TabFocus) || w->focusProxy())
            continue;
        stops << w;
    }
    return stops;
}

// Presses Tab from the first stop until the focus comes back; fails on a keyboard trap.
QString walkWithTab(QWidget *root, QSet<QWidget *> *reached)
{
    const QList<QWidget *> stops = tabStops(root);
    if (stops.isEmpty())
        return u"no tab stops at all"_s;
    root->activateWindow();
    // (qWaitForWindowActive can answer for the window that was active a moment ago.)
    if (!QTest::qWaitFor([root] { return QApplication::activeWindow() == root; }, 5000))
        return u"window not active"_s;
    stops.first()->setFocus(Qt::TabFocusReason);
    QWidget *start = QApplication::focusWidget();
    if (!start)
        return u"nothing takes focus"_s;
    QWidget *previous = nullptr;
    int sameInARow = 0;
    for (int i = 0; i < 400; ++i) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus)
            return u"focus lost after %1 presses"_s.arg(i);
        reached->insert(focus);
        sameInARow = focus == previous ? sameInARow + 1 : 0;
        if (sameInARow >= 3)
            return u"Tab is trapped in "_s + describe(focus);
        previous = focus;
        QTest::keyClick(focus, Qt::Key_Tab);
        if (QApplication::focusWidget() == start)
            return {};
    }
    return u"the focus never came back to the start"_s;
}

QStringList accessibilityProblems(QWidget *root)
{
    QStringList problems;
    QSet<QWidget *> reached;
    const QString walk = walkWithTab(root, &reached);
    if (!walk.isEmpty())
        problems << walk;
    for (QWidget *w : tabStops(root)) {
        if (!reached.contains(w))
            problems << u"not reachable with Tab: "_s + describe(w);
    }
    for (QAbstractButton *b : root->findChildren<QAbstractButton *>()) {
        if (!b->isVisible())
            continue;
        if (b->text().trimmed().isEmpty() && b->accessibleName().trimmed().isEmpty())
            problems << u"button without text or accessible name: "_s + describe(b);
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(b);
        if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty())
            problems << u"button with an empty accessible name: "_s + describe(b);
    }
    for (QAbstractItemView *view : root->findChildren<QAbstractItemView *>()) {
        if (!view->isVisible() || !view->model() || qobject_cast<QHeaderView *>(view))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(view);
        if (!iface || !iface->tableInterface()) {
            problems << u"no accessible table: "_s + describe(view);
            continue;
        }
        QStringList announced;
        for (int i = 0; i < iface->childCount(); ++i) {
            QAccessibleInterface *child = iface->child(i);
            if (child && child->role() == QAccessible::ColumnHeader)
                announced << child->text(QAccessible::Name);
        }
        const auto *header = view->findChild<QHeaderView *>();
        for (int c = 0; c < view->model()->columnCount(); ++c) {
            if (header && header->isSectionHidden(c))
                continue;
            const QString title = view->model()->headerData(c, Qt::Horizontal).toString();
            if (title.trimmed().isEmpty() || !announced.contains(title))
                problems << u"column %1 of %2 announces no header (%3)"_s.arg(
                    QString::number(c), describe(view), announced.join(u", "_s));
        }
    }
    return problems;
}

} // namespace

class DesktopUiTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const QString dir = keyhaven::test::freshDataDir();
        auto vault =
            Vault::open(dir + u"/keyhaven.sqlite"_s, keyhaven::paths::keychainService(), this);
        QVERIFY2(vault, qPrintable(vault ? QString() : vault.error().message));
        m_vault = *vault;
        QVERIFY(m_config.isValid());
        m_savedConfig = qgetenv("XDG_CONFIG_HOME");
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
    }

    void cleanupTestCase()
    {
        if (m_savedConfig.isNull())
            qunsetenv("XDG_CONFIG_HOME");
        else
            qputenv("XDG_CONFIG_HOME", m_savedConfig);
        QSettings().remove(u"mainWindow"_s);
    }

    void windowStateIsRestored()
    {
        {
            MainWindow window(m_vault);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(931, 517);
            QVERIFY(window.showPanel(u"inspector"_s));
            QTRY_COMPARE(window.size(), QSize(931, 517));
            QVERIFY(window.close());
        }
        MainWindow again(m_vault);
        QCOMPARE(again.currentPanelId(), u"inspector"_s);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), QSize(931, 517));
        // And the other way round, so that the first check was not a coincidence.
        QVERIFY(again.showPanel(u"jwt"_s));
        again.resize(1003, 611);
        QTRY_COMPARE(again.size(), QSize(1003, 611));
        QVERIFY(again.close());
        MainWindow third(m_vault);
        QCOMPARE(third.currentPanelId(), u"jwt"_s);
        third.show();
        QVERIFY(QTest::qWaitForWindowExposed(&third));
        QCOMPARE(third.size(), QSize(1003, 611));
        // Nothing but layout in there (QSettings holds no secrets).
        QSettings settings;
        QVERIFY(settings.contains(u"mainWindow/geometry"_s));
        QCOMPARE(
            settings.value(u"mainWindow/currentPanel"_s).toInt(), third.tabs()->currentIndex());
    }

    void paletteFollowsTheOverride()
    {
        const QByteArray saved = qgetenv("KEYHAVEN_COLOR_SCHEME");
        MainWindow window(m_vault);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (const auto &[env, dark] :
            { std::pair { "dark", true }, std::pair { "light", false } }) {
            qputenv("KEYHAVEN_COLOR_SCHEME", env);
            QCOMPARE(theme::initialScheme(), dark ? ColorScheme::Dark : ColorScheme::Light);
            theme::apply(theme::initialScheme());
            QCOMPARE(theme::isDark(), dark);
            QTRY_COMPARE(theme::isDark(window.palette()), dark);
            const QPalette pal = window.palette();
            QCOMPARE(pal.color(QPalette::Window).lightnessF() < 0.5, dark);
            // Every colour the widgets paint text in stays readable on this palette.
            using Tone = theme::Tone;
            for (Tone tone : { Tone::Error, Tone::Warning, Tone::Success, Tone::Link, Tone::Now,
                     Tone::TokenHeader, Tone::TokenPayload, Tone::TokenSignature, Tone::TokenKey,
                     Tone::TokenExtra }) {
                for (auto role : { QPalette::Base, QPalette::Window }) {
                    const double ratio = contrast(theme::color(tone, pal), pal.color(role));
                    QVERIFY2(ratio >= 4.5,
                        qPrintable(u"%1: tone %2 on role %3 has contrast %4"_s.arg(
                            QString::fromLatin1(env), QString::number(int(tone)),
                            QString::number(int(role)), QString::number(ratio))));
                }
            }
            const double message = contrast(
                theme::color(Tone::MessageText, pal), theme::color(Tone::MessageBackground, pal));
            QVERIFY2(message >= 4.5, qPrintable(QString::number(message)));
            // Monochrome icons switch to light strokes on a dark palette (and back).
            const QImage edit = theme::icon(u":/icons/edit.svg"_s).pixmap(QSize(32, 32)).toImage();
            double ink = 0;
            int inked = 0;
            for (int y = 0; y < edit.height(); ++y)
                for (int x = 0; x < edit.width(); ++x)
                    if (const QColor px = edit.pixelColor(x, y); px.alpha() > 128) {
                        ink += px.lightnessF();
                        ++inked;
                    }
            QVERIFY(inked > 0);
            QCOMPARE(ink / inked > 0.5, dark);
            // The banner's style sheet follows (it was built for the previous scheme).
            QVERIFY2(window.banner()->styleSheet().contains(
                         theme::color(Tone::MessageBackground, pal).name()),
                qPrintable(window.banner()->styleSheet()));
        }
        if (saved.isNull())
            qunsetenv("KEYHAVEN_COLOR_SCHEME");
        else
            qputenv("KEYHAVEN_COLOR_SCHEME", saved);
    }

    void autostartActionWritesTheEntry()
    {
        const QString entry = m_config.path() + u"/autostart/dev.keyhaven.Keyhaven.desktop"_s;
        QVERIFY(!QFileInfo::exists(entry));
        MainWindow window(m_vault);
        QAction *action = window.autostartAction();
        QVERIFY(action->isCheckable());
        QVERIFY(!action->isChecked());
        QVERIFY(window.settingsMenu()->actions().contains(action));
        action->trigger();
        QVERIFY(action->isChecked());
        QVERIFY(QFileInfo::exists(entry));
        QFile file(entry);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("\nExec=keyhaven --minimized\n"));
        file.close();
        // A new window sees the entry.
        QVERIFY(MainWindow(m_vault).autostartAction()->isChecked());
        action->trigger();
        QVERIFY(!action->isChecked());
        QVERIFY(!QFileInfo::exists(entry));
    }

    void droppedTokenOpensTheInspector()
    {
        MainWindow window(m_vault);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showPanel(u"api-key"_s));
        QVERIFY(window.acceptDrops());
        const QPoint where = window.rect().center();

        QMimeData prose;
        prose.setText(u"just some words. nothing more"_s);
        QDragEnterEvent enterProse(where, Qt::CopyAction, &prose, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enterProse);
        QVERIFY(!enterProse.isAccepted());
        QDropEvent dropProse(where, Qt::CopyAction, &prose, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &dropProse);
        QCOMPARE(window.currentPanelId(), u"api-key"_s);

        const QString token = u"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkcm9wcGVkIn0.c2ln"_s;
        QMimeData mime;
        mime.setText(u"  "_s + token + u"\n"_s);
        QDragEnterEvent enter(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QVERIFY(drop.isAccepted());
        QCOMPARE(window.currentPanelId(), u"inspector"_s);
        QCOMPARE(window.inspector()->input()->toPlainText(), token);
        QTRY_COMPARE(
            window.inspector()->outcome().inspection.claimsObject.value(u"sub"_s).toString(),
            u"dropped"_s);
    }

    void germanMenusAndTabs()
    {
        // The catalogue compiled into keyhaven-ui, loaded the way ui/main.cpp loads it.
        QVERIFY(keyhaven::ui::loadTranslations(qApp, QLocale(u"de_DE"_s)));
        QStringList menus, tabs;
        {
            MainWindow window(m_vault);
            for (QAction *a : window.menuBar()->actions())
                menus << a->text();
            for (int i = 0; i < window.tabs()->count(); ++i)
                tabs << window.tabs()->tabText(i);
        }
        for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QCOMPARE(menus, QStringList({ u"&Element"_s, u"&Einstellungen"_s }));
        QCOMPARE(tabs,
            QStringList({ u"API-Schlüssel"_s, u"Tokens"_s, u"Verbindungen"_s, u"Übersicht"_s,
                u"Inspektor"_s, u"Anfragen"_s, u"Verlauf"_s }));
        // And English again without the translator: the check above was not vacuous.
        MainWindow english(m_vault);
        QCOMPARE(english.menuBar()->actions().first()->text(), u"&Item"_s);
        QVERIFY(!keyhaven::ui::loadTranslations(qApp, QLocale(u"fr_FR"_s)));
        for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }

    void everyPanelIsKeyboardAndScreenReaderFriendly()
    {
        MainWindow window(m_vault);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (int i = 0; i < window.tabs()->count(); ++i) {
            window.tabs()->setCurrentIndex(i);
            const QStringList problems = accessibilityProblems(&window);
            QVERIFY2(problems.isEmpty(),
                qPrintable(window.tabs()->tabText(i) + u":\n  "_s + problems.join(u"\n  "_s)));
        }
    }

    void everyDialogIsKeyboardAndScreenReaderFriendly()
    {
        MainWindow window(m_vault);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        std::vector<std::unique_ptr<QDialog>> dialogs;
        dialogs.emplace_back(new keyhaven::ui::ItemDialog(
            ItemKind::ApiKey, keyhaven::ui::ItemDialog::Mode::Add, &window));
        dialogs.emplace_back(new keyhaven::ui::ItemDialog(
            ItemKind::Jwt, keyhaven::ui::ItemDialog::Mode::Add, &window));
        dialogs.emplace_back(new keyhaven::ui::ItemDialog(
            ItemKind::ApiKey, keyhaven::ui::ItemDialog::Mode::Edit, &window));
        auto *connections =
            qobject_cast<keyhaven::ui::ConnectionsPanel *>(window.panel(ItemKind::OAuth));
        QVERIFY(connections);
        dialogs.emplace_back(new keyhaven::ui::ConnectionDialog(connections->manager(), &window));
        keyhaven::vault::Item item;
        item.kind = ItemKind::ApiKey;
        item.name = u"rotated"_s;
        dialogs.emplace_back(new keyhaven::ui::RotateDialog(item, &window));
        for (const auto &dialog : dialogs) {
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
            const QStringList problems = accessibilityProblems(dialog.get());
            QVERIFY2(problems.isEmpty(),
                qPrintable(describe(dialog.get()) + u":\n  "_s + problems.join(u"\n  "_s)));
            dialog->reject();
        }
        // The show-secret button inside the field takes no focus; Ctrl+R toggles it.
        {
            keyhaven::ui::ItemDialog dialog(
                ItemKind::Jwt, keyhaven::ui::ItemDialog::Mode::Add, &window);
            auto *itemDialog = &dialog;
            itemDialog->show();
            itemDialog->activateWindow();
            QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget *>(itemDialog));
            auto *secret = itemDialog->findChild<QLineEdit *>(u"secretEdit"_s);
            QVERIFY(secret);
            secret->setFocus();
            QCOMPARE(secret->echoMode(), QLineEdit::Password);
            QTest::keyClick(secret, Qt::Key_R, Qt::ControlModifier);
            QCOMPARE(secret->echoMode(), QLineEdit::Normal);
            QTest::keyClick(secret, Qt::Key_R, Qt::ControlModifier);
            QCOMPARE(secret->echoMode(), QLineEdit::Password);
        }
    }

    void manPageListsEveryOption()
    {
        // keyhaven(1) is written by hand in app/cli/docgen.cpp (the GUI's parser is not the
        // CLI's command table): this keeps it from drifting from --help.
        const auto help = keyhaven::test::run(keyhaven::test::binPath(u"keyhaven"_s),
            { u"--help"_s }, {}, { u"QT_QPA_PLATFORM=offscreen"_s });
        QCOMPARE(help.exitCode, 0);
        QFile man(QFileInfo(keyhaven::test::binPath(u"keyhaven"_s)).absolutePath()
            + u"/../share/man/man1/keyhaven.1"_s);
        QVERIFY2(man.open(QIODevice::ReadOnly), qPrintable(man.fileName()));
        const QString page = QString::fromUtf8(man.readAll());
        static const QRegularExpression option(u"--([a-z][a-z-]+)"_s);
        QStringList options;
        for (const auto &m : option.globalMatch(QString::fromUtf8(help.out)))
            options << m.captured(1);
        QVERIFY2(options.contains(u"minimized"_s), help.out.constData());
        for (const QString &name : std::as_const(options)) {
            const QString roff = u"\\-\\-"_s + QString(name).replace(u"-"_s, u"\\-"_s);
            QVERIFY2(page.contains(roff), qPrintable(u"keyhaven.1 lacks --"_s + name));
        }
        QVERIFY(page.contains(u".I TOKEN"_s));
    }

private:
    Vault *m_vault = nullptr;
    QTemporaryDir m_config;
    QByteArray m_savedConfig;
};

QObject *keyhaven::test::makeDesktopUiTest() { return new DesktopUiTest; }

#include "tst_desktopui.moc"
