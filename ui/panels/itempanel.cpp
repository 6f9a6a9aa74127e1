// ui/panels/itempanel.cpp — a searchable, sortable list of one kind of item with its actions.
#include "panels/itempanel.h"
#include "searchfield.h"

#include "clipboard.h"
#include "dialogs/itemdialog.h"
#include "models/itemfilterproxymodel.h"
#include "models/itemtablemodel.h"
#include "theme.h"

#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QShowEvent>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

using vault::Item;
using vault::KeychainState;
using vault::SecretState;

namespace {

// A revealed secret is masked again after this long (or when the selection changes).
constexpr int kRevealMs = 15 * 1000;
constexpr int kStatusMs = 5 * 1000;
// Widest a column gets from resizeColumnsToContents (long URLs and scope lists).
constexpr int kMaxColumnWidth = 320;
constexpr int kMinFlexWidth = 140;

QString settingsGroup(vault::ItemKind kind) { return u"panels/"_s + vault::kindId(kind); }

} // namespace

ItemPanel::ItemPanel(vault::ItemKind kind, const Texts &texts, vault::Vault *vault,
    const QList<Item> &items, Clipboard *clipboard, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_title(texts.title)
    , m_emptyText(texts.emptyHint)
    , m_vault(vault)
    , m_clipboard(clipboard)
    , m_model(new ItemTableModel(kind, this))
    , m_proxy(new ItemFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_emptyHint(new QLabel(texts.emptyHint, this))
    , m_add(new QPushButton(QIcon(u":/icons/add.svg"_s), texts.addLabel, this))
    , m_edit(new QPushButton(theme::icon(u":/icons/edit.svg"_s), tr("&Edit…"), this))
    , m_delete(new QPushButton(QIcon(u":/icons/delete.svg"_s), tr("&Delete"), this))
    , m_copy(new QPushButton(theme::icon(u":/icons/copy.svg"_s), tr("&Copy Secret"), this))
    , m_reveal(new QPushButton(theme::icon(u":/icons/eye.svg"_s), tr("&Reveal"), this))
    , m_secretView(new QLineEdit(this))
    , m_selectionLabel(new QLabel(this))
    , m_hideTimer(new QTimer(this))
{
    setObjectName(u"panel-"_s + vault::kindId(kind));
    m_proxy->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    auto *description = new QLabel(texts.description, this);
    description->setObjectName(u"panelDescription"_s);
    description->setWordWrap(true);
    description->setTextFormat(Qt::PlainText);
    description->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(description);

    auto *bar = new QHBoxLayout;
    m_bar = bar;
    m_search->setObjectName(u"searchEdit"_s);
    setUpSearchField(m_search);
    m_search->setPlaceholderText(tr("Search name, owner, tags, header, URL, issuer… (Ctrl+F)"));
    bar->addWidget(m_search, 1);
    m_add->setObjectName(u"addButton"_s);
    m_edit->setObjectName(u"editButton"_s);
    m_delete->setObjectName(u"deleteButton"_s);
    m_copy->setObjectName(u"copyButton"_s);
    m_reveal->setObjectName(u"revealButton"_s);
    for (QPushButton *b : { m_add, m_edit, m_delete, m_copy }) {
        b->setAutoDefault(false);
        bar->addWidget(b);
    }
    layout->addLayout(bar);

    m_view->setObjectName(u"itemView"_s);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Rows, not cells: Tab leaves the table instead of walking its cells (a keyboard trap).
    m_view->setTabKeyNavigation(false);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->verticalHeader()->hide();
    // Uniform row heights: the view never measures 10,000 rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionsMovable(true);
    // QAbstractItemView copies the current cell's text on Ctrl+C; here Ctrl+C copies the secret.
    m_view->installEventFilter(this);
    layout->addWidget(m_view, 1);

    m_emptyHint->setObjectName(u"emptyHint"_s);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_emptyHint);

    auto *details = new QHBoxLayout;
    m_selectionLabel->setObjectName(u"selectionLabel"_s);
    m_selectionLabel->setTextFormat(Qt::PlainText);
    details->addWidget(m_selectionLabel);
    m_secretView->setObjectName(u"secretView"_s);
    m_secretView->setReadOnly(true);
    m_secretView->setEchoMode(QLineEdit::Password);
    m_secretView->setPlaceholderText(u"••••••••••••••••"_s);
    m_secretView->setToolTip(tr("Secrets are read from the keychain only when you reveal or copy "
                                "them, and are masked again after %n seconds.",
        nullptr, kRevealMs / 1000));
    details->addWidget(m_secretView, 1);
    m_reveal->setAutoDefault(false);
    details->addWidget(m_reveal);
    layout->addLayout(details);

    m_hideTimer->setSingleShot(true);
    connect(m_hideTimer, &QTimer::timeout, this, &ItemPanel::hideSecret);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &ItemFilterProxyModel::setSearchText);
    connect(m_add, &QPushButton::clicked, this, &ItemPanel::addItem);
    connect(m_edit, &QPushButton::clicked, this, &ItemPanel::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &ItemPanel::deleteSelected);
    connect(m_copy, &QPushButton::clicked, this, &ItemPanel::copySelectedSecret);
    connect(m_reveal, &QPushButton::clicked, this, [this] {
        if (m_revealedId.isNull())
            revealSelectedSecret();
        else
            hideSecret();
    });
    connect(m_view, &QTableView::doubleClicked, this, &ItemPanel::editSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        hideSecret();
        updateActions();
        Q_EMIT selectionChanged();
    });
    // Row changes can move or drop the current row (search, another process's edits).
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved }) {
        connect(m_proxy, signal, this, [this] {
            updateActions();
            updateEmptyHint();
        });
    }
    // The search applies as a layout change; sorting too.
    const auto refresh = [this] {
        updateActions();
        updateEmptyHint();
    };
    connect(m_proxy, &QAbstractItemModel::modelReset, this, refresh);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, refresh);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &ItemPanel::updateActions);

    // Columns follow their content until the user resizes one (or a saved layout is restored).
    // (The header also resizes the stretched last section itself: only a drag counts.)
    connect(m_view->horizontalHeader(), &QHeaderView::sectionResized, this, [this] {
        if (!m_fittingColumns && QGuiApplication::mouseButtons() != Qt::NoButton)
            m_userSizedColumns = true;
    });
    const auto fitSoon = [this] {
        if (!m_userSizedColumns)
            QTimer::singleShot(0, this, &ItemPanel::fitColumns);
    };
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, fitSoon);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, fitSoon);

    m_model->bindVault(vault, items);
    fitColumns();
    if (vault)
        setKeychainState(vault->keychainState());
    updateActions();
    updateEmptyHint();
}

ItemPanel::~ItemPanel() { hideSecret(); }

void ItemPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // The resize a hidden panel gets just before it is first shown: showEvent() fits then.
    if (!m_userSizedColumns && isVisible())
        QTimer::singleShot(0, this, &ItemPanel::fitColumns);
}

bool ItemPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view) {
        if (event->type() == QEvent::ShortcutOverride
            && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
            event->ignore(); // let the window's "Copy Secret" shortcut have it
            return true;
        }
        if (event->type() == QEvent::KeyPress
            && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
            copySelectedSecret();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ItemPanel::addExtraButton(QPushButton *button)
{
    button->setAutoDefault(false);
    m_bar->addWidget(button);
}

void ItemPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    fitColumns(); // before the first paint, with the viewport's real size
}

void ItemPanel::fitColumns()
{
    // A shown table's sizeHintForColumn() looks at the rows in view only, so this stays cheap
    // with 10,000 rows. A hidden one (every panel at start-up) would measure up to 1,000 rows
    // per column: it is fitted when shown instead.
    if (m_userSizedColumns || !isVisible())
        return;
    m_fittingColumns = true;
    m_view->resizeColumnsToContents();
    int total = 0;
    int widest = 0;
    for (int c = 0; c < m_model->columnCount(); ++c) {
        m_view->setColumnWidth(c, std::min(m_view->columnWidth(c) + 12, kMaxColumnWidth));
        total += m_view->columnWidth(c);
        if (m_view->columnWidth(c) > m_view->columnWidth(widest))
            widest = c;
    }
    // Rather than a horizontal scroll bar, the widest column (URLs, issuers) gives way; its text
    // is elided in the middle and the tooltip has all of it.
    const int excess = total - m_view->viewport()->width();
    if (excess > 0 && m_view->viewport()->width() > 0) {
        m_view->setColumnWidth(
            widest, std::max(kMinFlexWidth, m_view->columnWidth(widest) - excess));
    }
    m_fittingColumns = false;
}

std::optional<Item> ItemPanel::selectedItem() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    const int row = m_model->rowOf(current.data(ItemTableModel::ItemIdRole).toUuid());
    if (row < 0)
        return std::nullopt;
    return m_model->itemAt(row);
}

bool ItemPanel::selectItem(const QUuid &id)
{
    const QModelIndex index = m_proxy->indexOfItem(id);
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void ItemPanel::setKeychainState(KeychainState state)
{
    m_keychain = state;
    updateActions();
}

bool ItemPanel::secretsUsable(QString *why) const
{
    if (m_vault && m_keychain != KeychainState::Unavailable)
        return true;
    if (why)
        *why = tr("No keychain is reachable, so secrets cannot be stored or read. Start a Secret "
                  "Service (e.g. gnome-keyring) and restart Keyhaven.");
    return false;
}

void ItemPanel::updateActions()
{
    const std::optional<Item> item = selectedItem();
    QString why;
    const bool usable = secretsUsable(&why);
    m_add->setEnabled(usable);
    m_add->setToolTip(usable ? tr("Add a new item (Ctrl+N)") : why);
    m_edit->setEnabled(item.has_value() && m_vault);
    m_delete->setEnabled(item.has_value() && m_vault);
    m_delete->setToolTip(tr("Delete the item and its secret (Del)"));

    QString secretWhy = why;
    bool canRead = usable && item.has_value();
    if (canRead && item->secretState == SecretState::Missing) {
        canRead = false;
        secretWhy = tr("The keychain has no secret for this item. Edit it to store one again.");
    } else if (usable && !item) {
        secretWhy = tr("Select an item first.");
    }
    m_copy->setEnabled(canRead);
    m_copy->setToolTip(canRead ? tr("Copy the secret; the clipboard is cleared again after %n s "
                                    "(Ctrl+C)",
                           nullptr, int(std::lround(Clipboard::clearTimeoutMs() / 1000.0)))
                               : secretWhy);
    m_reveal->setEnabled(canRead || !m_revealedId.isNull());
    m_reveal->setToolTip(
        canRead ? tr("Read the secret from the keychain and show it briefly") : secretWhy);
    m_secretView->setEnabled(item.has_value());
    if (!item) {
        m_selectionLabel->setText(tr("No item selected"));
    } else if (item->secretState == SecretState::Missing) {
        m_selectionLabel->setText(tr("%1 — secret missing").arg(item->name));
    } else {
        m_selectionLabel->setText(item->name);
    }
}

void ItemPanel::updateEmptyHint()
{
    const bool empty = m_model->rowCount() == 0;
    const bool noMatch = !empty && m_proxy->rowCount() == 0;
    if (noMatch)
        m_emptyHint->setText(tr("No item matches “%1”.").arg(m_search->text().trimmed()));
    m_emptyHint->setVisible(empty || noMatch);
    if (empty)
        m_emptyHint->setText(m_emptyText);
}

void ItemPanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void ItemPanel::showError(const QString &what, const Error &error)
{
    Q_EMIT statusMessage(what + u": "_s + error.message, kStatusMs * 2);
    auto *box = new QMessageBox(QMessageBox::Warning, what, error.message, QMessageBox::Ok, this);
    box->setObjectName(u"errorBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void ItemPanel::addItem()
{
    QString why;
    if (!secretsUsable(&why)) {
        Q_EMIT statusMessage(why, kStatusMs * 2);
        return;
    }
    auto *dialog = new ItemDialog(m_kind, ItemDialog::Mode::Add, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!m_vault)
            return;
        Item item = dialog->item();
        const QString name = item.name;
        m_vault->addItem(std::move(item), dialog->takeSecret(), this, [this, name](Result<Item> r) {
            if (!r) {
                showError(tr("Could not add “%1”").arg(name), r.error());
                return;
            }
            m_search->clear(); // so that the new item is visible
            selectItem(r->id);
            Q_EMIT statusMessage(
                tr("Added “%1”; its secret is in the keychain.").arg(name), kStatusMs);
        });
    });
    dialog->open();
}

void ItemPanel::editSelected()
{
    const std::optional<Item> item = selectedItem();
    if (!item || !m_vault)
        return;
    auto *dialog = new ItemDialog(m_kind, ItemDialog::Mode::Edit, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setItem(*item);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!m_vault)
            return;
        const Item edited = dialog->item();
        if (const Result<void> r = m_vault->updateItem(edited); !r) {
            showError(tr("Could not save “%1”").arg(edited.name), r.error());
            return;
        }
        if (!dialog->hasNewSecret()) {
            Q_EMIT statusMessage(tr("Saved “%1”.").arg(edited.name), kStatusMs);
            return;
        }
        const QString name = edited.name;
        m_vault->writeSecret(edited.id, edited.primaryField(), dialog->takeSecret(), this,
            [this, name](Result<void> r) {
                if (!r) {
                    showError(tr("Could not store the new secret of “%1”").arg(name), r.error());
                    return;
                }
                Q_EMIT statusMessage(
                    tr("Saved “%1” and replaced its secret.").arg(name), kStatusMs);
            });
    });
    dialog->open();
}

void ItemPanel::deleteSelected()
{
    const std::optional<Item> item = selectedItem();
    if (!item || !m_vault)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Item"),
        tr("Delete “%1”?").arg(item->name), QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"confirmDeleteBox"_s);
    box->setInformativeText(
        tr("Its secret is removed from the keychain too. This cannot be undone."));
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("&Delete"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QUuid id = item->id;
    const QString name = item->name;
    connect(box, &QMessageBox::finished, this, [this, box, id, name] {
        if (box->standardButton(box->clickedButton()) != QMessageBox::Yes || !m_vault)
            return;
        m_vault->removeItem(id, this, [this, name](Result<void> r) {
            if (!r) {
                showError(tr("Could not delete “%1”").arg(name), r.error());
                return;
            }
            Q_EMIT statusMessage(tr("Deleted “%1”.").arg(name), kStatusMs);
        });
    });
    box->open();
}

void ItemPanel::copySelectedSecret()
{
    const std::optional<Item> item = selectedItem();
    QString why;
    if (!item || !m_copy->isEnabled()) {
        if (!secretsUsable(&why) || item)
            Q_EMIT statusMessage(m_copy->toolTip(), kStatusMs);
        return;
    }
    const QString name = item->name;
    m_vault->readSecret(item->id, item->primaryField(), this, [this, name](Result<SecretBytes> r) {
        if (!r) {
            showError(tr("Could not read the secret of “%1”").arg(name), r.error());
            return;
        }
        m_clipboard->copySecret(*r);
        const int secs = int(std::lround(Clipboard::clearTimeoutMs() / 1000.0));
        Q_EMIT statusMessage(
            tr("Copied — clears in %n s", nullptr, secs), Clipboard::clearTimeoutMs());
    });
}

void ItemPanel::revealSelectedSecret()
{
    const std::optional<Item> item = selectedItem();
    if (!item || !m_reveal->isEnabled())
        return;
    const QUuid id = item->id;
    const QString name = item->name;
    m_vault->readSecret(id, item->primaryField(), this, [this, id, name](Result<SecretBytes> r) {
        if (!r) {
            showError(tr("Could not read the secret of “%1”").arg(name), r.error());
            return;
        }
        const std::optional<Item> current = selectedItem();
        if (!current || current->id != id)
            return; // the selection moved on meanwhile: show nothing
        m_revealedId = id;
        m_secretView->setEchoMode(QLineEdit::Normal);
        m_secretView->setText(QString::fromUtf8(r->bytes()));
        m_reveal->setText(tr("&Hide"));
        m_hideTimer->start(kRevealMs);
        updateActions();
    });
}

void ItemPanel::hideSecret()
{
    m_hideTimer->stop();
    m_revealedId = QUuid();
    m_secretView->clear();
    m_secretView->setEchoMode(QLineEdit::Password);
    m_reveal->setText(tr("&Reveal"));
}

void ItemPanel::saveState() const
{
    QSettings settings;
    settings.beginGroup(settingsGroup(m_kind));
    settings.setValue(u"header"_s, m_view->horizontalHeader()->saveState());
}

void ItemPanel::restoreState()
{
    QSettings settings;
    settings.beginGroup(settingsGroup(m_kind));
    const QByteArray header = settings.value(u"header"_s).toByteArray();
    if (!header.isEmpty() && m_view->horizontalHeader()->restoreState(header))
        m_userSizedColumns = true;
}

} // namespace keyhaven::ui
