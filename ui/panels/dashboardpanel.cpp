// ui/panels/dashboardpanel.cpp — what needs rotating: overdue, due soon and expiring items.
#include "panels/dashboardpanel.h"
#include "searchfield.h"

#include "dialogs/rotatedialog.h"
#include "models/dashboardmodel.h"
#include "models/itemfilterproxymodel.h"
#include "rotation/osuser.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

namespace {
constexpr int kStatusMs = 5 * 1000;
constexpr int kMaxColumnWidth = 260;
constexpr int kFitDelayMs = 100; // a burst of inserts (sample data, a sync) fits once
} // namespace

DashboardPanel::DashboardPanel(
    vault::Vault *vault, const QList<vault::Item> &items, QWidget *parent)
    : QWidget(parent)
    , m_vault(vault)
    , m_model(new DashboardModel(this))
    , m_proxy(new ItemFilterProxyModel(this))
    , m_counts(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_rotate(new QPushButton(tr("&Rotate…"), this))
    , m_view(new QTableView(this))
    , m_fitTimer(new QTimer(this))
{
    setObjectName(u"panel-dashboard"_s);
    m_proxy->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    m_counts->setObjectName(u"dashboardCounts"_s);
    m_counts->setTextFormat(Qt::PlainText);
    QFont bold = m_counts->font();
    bold.setBold(true);
    m_counts->setFont(bold);
    layout->addWidget(m_counts);

    auto *bar = new QHBoxLayout;
    m_search->setObjectName(u"searchEdit"_s);
    setUpSearchField(m_search);
    m_search->setPlaceholderText(tr("Filter by name, owner, tags, URL, issuer…"));
    bar->addWidget(m_search, 1);
    m_rotate->setObjectName(u"rotateButton"_s);
    m_rotate->setAutoDefault(false);
    bar->addWidget(m_rotate);
    layout->addLayout(bar);

    m_view->setObjectName(u"dashboardView"_s);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(m_model->columnOf(ItemTableModel::Column::Status), Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Rows, not cells: Tab leaves the table instead of walking its cells (a keyboard trap).
    m_view->setTabKeyNavigation(false);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &ItemFilterProxyModel::setSearchText);
    connect(m_rotate, &QPushButton::clicked, this, &DashboardPanel::rotateSelected);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &DashboardPanel::rotateSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &DashboardPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DashboardPanel::updateCounts);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &DashboardPanel::updateCounts);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &DashboardPanel::updateCounts);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &DashboardPanel::updateCounts);

    m_fitTimer->setSingleShot(true);
    m_fitTimer->setInterval(kFitDelayMs);
    connect(m_fitTimer, &QTimer::timeout, this, &DashboardPanel::fitColumns);
    connect(m_model, &QAbstractItemModel::modelReset, m_fitTimer, qOverload<>(&QTimer::start));
    connect(m_model, &QAbstractItemModel::rowsInserted, m_fitTimer, qOverload<>(&QTimer::start));

    m_model->bindVault(vault, items);
    fitColumns();
    updateCounts();
    // Old secrets whose overlap window has ended leave the keychain once it is reachable after
    // start (DESIGN.md: nothing kept longer than promised).
    if (vault) {
        connect(
            vault, &vault::Vault::keychainStateChanged, this, [this](vault::KeychainState state) {
                if (state == vault::KeychainState::Available)
                    purgeRetiredOnce();
            });
        if (vault->keychainState() == vault::KeychainState::Available)
            purgeRetiredOnce();
    }
    updateActions();
}

QString DashboardPanel::title() const { return tr("Dashboard"); }

void DashboardPanel::purgeRetiredOnce()
{
    if (m_purged || !m_vault)
        return;
    m_purged = true;
    m_vault->purgeRetired(QDateTime::currentDateTimeUtc(), this, [this](Result<int> purged) {
        if (!purged)
            Q_EMIT statusMessage(
                tr("Cannot delete retired secrets: %1").arg(purged.error().message), kStatusMs);
        else if (*purged > 0)
            Q_EMIT statusMessage(*purged == 1
                    ? tr("Deleted 1 retired secret from the keychain.")
                    : tr("Deleted %1 retired secrets from the keychain.").arg(*purged),
                kStatusMs);
    });
}

void DashboardPanel::fitColumns()
{
    // Content width (the view measures the visible rows only), capped: long owners and names
    // are elided rather than pushing the status off screen. The last column keeps stretching.
    QHeaderView *header = m_view->horizontalHeader();
    for (int c = 0; c + 1 < header->count(); ++c) {
        m_view->resizeColumnToContents(c);
        if (header->sectionSize(c) > kMaxColumnWidth)
            header->resizeSection(c, kMaxColumnWidth);
    }
}

RotateDialog *DashboardPanel::rotateDialog() const { return m_dialog; }

void DashboardPanel::updateCounts()
{
    const DashboardModel::Counts c = m_model->counts();
    m_counts->setText(
        tr("%1 overdue · %2 due soon · %3 expiring").arg(c.overdue).arg(c.dueSoon).arg(c.expiring));
}

void DashboardPanel::updateActions()
{
    const std::optional<vault::Item> item = selectedItem();
    m_rotate->setEnabled(m_vault && item && item->kind != vault::ItemKind::OAuth);
}

std::optional<vault::Item> DashboardPanel::selectedItem() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isRowSelected(current.row(), {}))
        return std::nullopt;
    const QModelIndex source = m_proxy->mapToSource(current);
    if (!source.isValid())
        return std::nullopt;
    return m_model->itemAt(source.row());
}

bool DashboardPanel::selectItem(const QUuid &id)
{
    const QModelIndex index = m_proxy->indexOfItem(id);
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void DashboardPanel::rotateSelected()
{
    const std::optional<vault::Item> item = selectedItem();
    if (!item || !m_vault || item->kind == vault::ItemKind::OAuth)
        return;
    auto *dialog = new RotateDialog(*item, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] { startRotation(dialog); });
    dialog->open();
}

void DashboardPanel::startRotation(RotateDialog *dialog)
{
    if (!m_vault)
        return;
    vault::RotationRequest request;
    request.reason = dialog->reason();
    request.by = rotation::osUserName();
    request.overlapDays = dialog->overlapDays();
    const vault::Item item = dialog->item();
    m_vault->rotate(
        item.id, dialog->takeSecret(), request, this, [this, item](Result<vault::Item> r) {
            if (!r) {
                auto *box = new QMessageBox(QMessageBox::Warning, tr("Rotation failed"),
                    tr("“%1” was not rotated: %2").arg(item.name, r.error().message),
                    QMessageBox::Ok, this);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
                return;
            }
            Q_EMIT statusMessage(tr("Rotated “%1”.").arg(r->name), kStatusMs);
            Q_EMIT rotated(*r);
        });
}

} // namespace keyhaven::ui
