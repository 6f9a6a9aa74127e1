// ui/models/itemtablemodel.cpp — one kind of vault item as table rows.
#include "models/itemtablemodel.h"

#include "resources.h"
#include "theme.h"
#include "vault/itemrotation.h"
#include "vault/vault.h"

#include <QBrush>
#include <QColor>
#include <QIcon>
#include <QLocale>
#include <QTimer>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

using vault::Item;
using vault::ItemKind;
using vault::SecretState;

namespace {

// Relative times ("expires in 5 min") go stale while the window is open.
constexpr int kTimeRefreshMs = 60 * 1000;

const QIcon &stateIcon(SecretState state)
{
    static const QIcon present(u":/icons/secret-present.svg"_s);
    static const QIcon missing(u":/icons/secret-missing.svg"_s);
    static const QIcon unknown(u":/icons/secret-unknown.svg"_s);
    switch (state) {
    case SecretState::Present:
        return present;
    case SecretState::Missing:
        return missing;
    case SecretState::Unknown:
        break;
    }
    return unknown;
}

int compareDates(const QDateTime &a, const QDateTime &b)
{
    // Items without a date sort after every dated one.
    if (a.isValid() != b.isValid())
        return a.isValid() ? -1 : 1;
    if (!a.isValid())
        return 0;
    const qint64 x = a.toMSecsSinceEpoch();
    const qint64 y = b.toMSecsSinceEpoch();
    return x < y ? -1 : (x > y ? 1 : 0);
}

} // namespace

ItemTableModel::ItemTableModel(ItemKind kind, QObject *parent, Clock clock, QTimeZone zone)
    : QAbstractTableModel(parent)
    , m_kind(kind)
    , m_columns(columnsFor(kind))
    , m_clock(std::move(clock))
    , m_zone(std::move(zone))
{
    startTimeRefresh();
}

ItemTableModel::ItemTableModel(QList<Column> columns, QObject *parent, Clock clock, QTimeZone zone)
    : QAbstractTableModel(parent)
    , m_kind(ItemKind::ApiKey)
    , m_allKinds(true)
    , m_columns(std::move(columns))
    , m_clock(std::move(clock))
    , m_zone(std::move(zone))
{
    startTimeRefresh();
}

void ItemTableModel::startTimeRefresh()
{
    initResources();
    auto *timer = new QTimer(this);
    timer->setInterval(kTimeRefreshMs);
    connect(timer, &QTimer::timeout, this, &ItemTableModel::refreshTimeColumns);
    timer->start();
}

QList<ItemTableModel::Column> ItemTableModel::columnsFor(ItemKind kind)
{
    switch (kind) {
    case ItemKind::ApiKey:
        return { Column::Name, Column::Header, Column::BaseUrl, Column::Owner, Column::Tags,
            Column::Rotation, Column::Secret };
    case ItemKind::Jwt:
        return { Column::Name, Column::Issuer, Column::Subject, Column::Audience, Column::Expires,
            Column::Secret };
    case ItemKind::OAuth:
        return { Column::Name, Column::Issuer, Column::ClientId, Column::Scopes, Column::Secret };
    }
    return { Column::Name, Column::Secret };
}

void ItemTableModel::bindVault(vault::Vault *vault, const QList<Item> &items)
{
    if (m_vault)
        disconnect(m_vault, nullptr, this, nullptr);
    m_vault = vault;
    if (!vault) {
        setItems({});
        return;
    }
    connect(vault, &vault::Vault::itemAdded, this, &ItemTableModel::upsertItem);
    connect(vault, &vault::Vault::itemUpdated, this, &ItemTableModel::upsertItem);
    connect(vault, &vault::Vault::itemRemoved, this, &ItemTableModel::removeItem);
    connect(vault, &vault::Vault::itemsChanged, this, [this] {
        if (m_vault)
            setItems(m_vault->items());
    });
    setItems(items);
}

void ItemTableModel::setItems(const QList<Item> &items)
{
    beginResetModel();
    ++m_revision;
    m_rows.clear();
    m_rows.reserve(std::count_if(
        items.cbegin(), items.cend(), [this](const Item &item) { return acceptsItem(item); }));
    for (const Item &item : items) {
        if (acceptsItem(item))
            m_rows.append(makeRow(item));
    }
    std::stable_sort(
        m_rows.begin(), m_rows.end(), [this](const Row &a, const Row &b) { return before(a, b); });
    endResetModel();
}

bool ItemTableModel::acceptsItem(const Item &item) const
{
    return m_allKinds || item.kind == m_kind;
}

ItemTableModel::Row ItemTableModel::makeRow(const Item &item) const
{
    Row row { item, searchTextFor(item), rotationDue(item), {} };
    const QDateTime expires = vault::credentialExpiry(item);
    if (row.due.isValid() && expires.isValid())
        row.deadline = std::min(row.due, expires);
    else
        row.deadline = row.due.isValid() ? row.due : expires;
    return row;
}

rotation::RotationStatus ItemTableModel::statusOf(const Row &row) const
{
    return rotation::evaluate(
        vault::rotationInput(row.item), vault::rotationPolicy(row.item), m_clock.now(), m_zone);
}

rotation::RotationStatus ItemTableModel::rotationStatusAt(int row) const
{
    return statusOf(m_rows.at(row));
}

bool ItemTableModel::before(const Row &a, const Row &b) const
{
    const int c = compareRowData(a, b, m_sortColumn);
    return m_sortOrder == Qt::AscendingOrder ? c < 0 : c > 0;
}

int ItemTableModel::sortedPosition(const Row &row) const
{
    const auto it = std::upper_bound(m_rows.cbegin(), m_rows.cend(), row,
        [this](const Row &value, const Row &other) { return before(value, other); });
    return int(it - m_rows.cbegin());
}

void ItemTableModel::upsertItem(const Item &item)
{
    const int row = rowOf(item.id);
    if (!acceptsItem(item)) {
        if (row >= 0)
            removeItem(item.id);
        return;
    }
    ++m_revision;
    if (row < 0) {
        Row added = makeRow(item);
        const int at = sortedPosition(added);
        beginInsertRows({}, at, at);
        m_rows.insert(at, std::move(added));
        endInsertRows();
        return;
    }
    // Where the updated row belongs among the others (a rename moves it).
    Row updated = makeRow(item);
    Row old = m_rows.takeAt(row);
    const int target = sortedPosition(updated);
    m_rows.insert(row, std::move(old));
    if (target != row) {
        beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
        m_rows.move(row, target);
        endMoveRows();
    }
    m_rows[target] = std::move(updated);
    Q_EMIT dataChanged(index(target, 0), index(target, columnCount() - 1));
}

void ItemTableModel::removeItem(const QUuid &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    ++m_revision;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void ItemTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_columns.size())
        column = 0;
    // setItems() and upsertItem() keep the rows in this order already (restoring a saved header
    // with 10,000 rows asks for it again at start-up).
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    ++m_revision;
    QList<int> oldRowAt(m_rows.size());
    std::iota(oldRowAt.begin(), oldRowAt.end(), 0);
    std::stable_sort(oldRowAt.begin(), oldRowAt.end(),
        [this](int a, int b) { return before(m_rows.at(a), m_rows.at(b)); });
    QList<int> newRowOf(m_rows.size());
    for (int i = 0; i < oldRowAt.size(); ++i)
        newRowOf[oldRowAt.at(i)] = i;
    // The rows move into place along the permutation's cycles: a new list of 10,000 rows (a few
    // MB of fresh pages to fault in) cost more than the sort itself.
    QList<bool> placed(m_rows.size(), false);
    for (int start = 0; start < m_rows.size(); ++start) {
        if (placed.at(start) || oldRowAt.at(start) == start)
            continue;
        Row held = std::move(m_rows[start]);
        int at = start;
        while (oldRowAt.at(at) != start) {
            m_rows[at] = std::move(m_rows[oldRowAt.at(at)]);
            placed[at] = true;
            at = oldRowAt.at(at);
        }
        m_rows[at] = std::move(held);
        placed[at] = true;
    }
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &i : from)
        to.append(index(newRowOf.at(i.row()), i.column()));
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int ItemTableModel::rowOf(const QUuid &id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).item.id == id)
            return i;
    }
    return -1;
}

int ItemTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ItemTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QByteArray ItemTableModel::foldForSearch(const QString &text)
{
    return text.toCaseFolded().toUtf8();
}

QByteArray ItemTableModel::searchTextFor(const Item &item)
{
    QString text = item.name;
    const auto add = [&text](const QString &part) {
        if (!part.isEmpty())
            text += u'\n' + part;
    };
    add(item.owner);
    add(item.tags.join(u' '));
    switch (item.kind) {
    case ItemKind::ApiKey:
        add(item.headerName);
        add(item.baseUrls.join(u' '));
        break;
    case ItemKind::Jwt:
        add(item.jwtIssuer);
        add(item.jwtSubject);
        break;
    case ItemKind::OAuth:
        add(item.issuerUrl);
        add(item.clientId);
        break;
    }
    // Case folding once per item keeps the per-keystroke filter a plain substring search.
    return foldForSearch(text);
}

QDateTime ItemTableModel::rotationDue(const Item &item) const
{
    return rotation::dueDate(vault::rotationInput(item), vault::rotationPolicy(item), m_zone);
}

QString ItemTableModel::relativeTime(const QDateTime &when, const QDateTime &now)
{
    const qint64 secs = now.secsTo(when);
    const qint64 abs = secs < 0 ? -secs : secs;
    QString amount;
    if (abs < 60)
        amount = tr("%n s", nullptr, int(abs));
    else if (abs < 3600)
        amount = tr("%n min", nullptr, int(abs / 60));
    else if (abs < 2 * 86400)
        amount = tr("%n h", nullptr, int(abs / 3600));
    else if (abs < 2 * 365 * 86400LL)
        amount = tr("%n days", nullptr, int(abs / 86400)); // always >= 2: plural
    else
        amount = tr("%n years", nullptr, int(abs / (365 * 86400LL)));
    return secs >= 0 ? tr("in %1").arg(amount) : tr("%1 ago").arg(amount);
}

// rotation::statusPhrase in the user's language (the CLI prints rotation::statusText). The
// source strings are English; "1 day" is its own string so that English needs no catalogue.
QString ItemTableModel::statusText(const rotation::RotationStatus &status) const
{
    using rotation::StatusPhrase;
    const StatusPhrase p = rotation::statusPhrase(status, m_clock.now(), m_zone);
    const int n = int(p.days);
    switch (p.kind) {
    case StatusPhrase::NoSchedule:
        return tr("no schedule");
    case StatusPhrase::ExpiredToday:
        return tr("expired today");
    case StatusPhrase::ExpiredAgo:
        return n == 1 ? tr("expired 1 day ago") : tr("expired %n days ago", nullptr, n);
    case StatusPhrase::ExpiresToday:
        return tr("expires today");
    case StatusPhrase::ExpiresIn:
        return n == 1 ? tr("expires in 1 day") : tr("expires in %n days", nullptr, n);
    case StatusPhrase::DueToday:
        return tr("due today");
    case StatusPhrase::OverdueFor:
        return n == 1 ? tr("overdue for 1 day") : tr("overdue for %n days", nullptr, n);
    case StatusPhrase::DueIn:
        return n == 1 ? tr("due in 1 day") : tr("due in %n days", nullptr, n);
    }
    return {};
}

QString ItemTableModel::displayText(const Row &row, Column column) const
{
    const Item &item = row.item;
    switch (column) {
    case Column::Name:
        return item.name;
    case Column::Header:
        return item.headerName;
    case Column::BaseUrl:
        return item.baseUrls.join(u", ");
    case Column::Owner:
        return item.owner;
    case Column::Tags:
        return item.tags.join(u", ");
    case Column::Rotation: {
        if (!row.due.isValid())
            return tr("no schedule");
        const QDateTime now = m_clock.now();
        // Whole calendar days, as rotation::evaluate counts them.
        const qint64 days = now.toTimeZone(m_zone).date().daysTo(row.due.toTimeZone(m_zone).date());
        if (row.due <= now && days < 0)
            return days == -1 ? tr("overdue for 1 day") : tr("overdue for %1 days").arg(-days);
        if (days <= 0)
            return tr("due today");
        return days == 1 ? tr("due in 1 day") : tr("due in %1 days").arg(days);
    }
    case Column::Issuer:
        return item.kind == ItemKind::OAuth ? item.issuerUrl : item.jwtIssuer;
    case Column::Subject:
        return item.jwtSubject;
    case Column::Audience:
        return item.jwtAudience.join(u", ");
    case Column::Expires: {
        const QDateTime expires = vault::credentialExpiry(item);
        if (!expires.isValid())
            return tr("never");
        const QDateTime now = m_clock.now();
        const QString rel = relativeTime(expires, now);
        return expires <= now ? tr("expired %1").arg(rel) : rel;
    }
    case Column::ClientId:
        return item.clientId;
    case Column::Scopes:
        return item.scopes.join(u' ');
    case Column::Kind:
        switch (item.kind) {
        case ItemKind::ApiKey:
            return tr("API key");
        case ItemKind::Jwt:
            return tr("JWT");
        case ItemKind::OAuth:
            return tr("OAuth");
        }
        break;
    case Column::Status:
        return statusText(statusOf(row));
    case Column::Due:
        return row.due.isValid()
            ? QLocale().toString(row.due.toTimeZone(m_zone).date(), QLocale::ShortFormat)
            : tr("–");
    case Column::LastRotated:
        return item.lastRotated.isValid()
            ? QLocale().toString(item.lastRotated.toTimeZone(m_zone).date(), QLocale::ShortFormat)
            : tr("never");
    case Column::Secret:
        switch (item.secretState) {
        case SecretState::Present:
            return tr("in keychain");
        case SecretState::Missing:
            return tr("secret missing");
        case SecretState::Unknown:
            return tr("not checked");
        }
        break;
    }
    return {};
}

QString ItemTableModel::toolTipText(const Row &row, Column column) const
{
    const Item &item = row.item;
    const QLocale locale;
    switch (column) {
    case Column::Rotation: {
        const QString last = item.lastRotated.isValid()
            ? locale.toString(item.lastRotated.toLocalTime(), QLocale::ShortFormat)
            : tr("never (created %1)")
                  .arg(locale.toString(item.created.toLocalTime(), QLocale::ShortFormat));
        if (item.rotateEveryDays <= 0)
            return tr("Last rotated: %1").arg(last);
        return tr("Rotation interval: %n days. Last rotated: %1", nullptr, item.rotateEveryDays)
            .arg(last);
    }
    case Column::Expires:
        if (const QDateTime expires = vault::credentialExpiry(item); expires.isValid())
            return item.kind == ItemKind::OAuth
                ? tr("The refresh token expires %1.")
                      .arg(locale.toString(expires.toLocalTime(), QLocale::LongFormat))
                : locale.toString(expires.toLocalTime(), QLocale::LongFormat);
        return item.kind == ItemKind::OAuth
            ? tr("The provider did not say when the refresh token expires.")
            : tr("The token has no expiry (no exp claim).");
    case Column::Secret:
        switch (item.secretState) {
        case SecretState::Present:
            return tr("The secret is stored in the system keychain.");
        case SecretState::Missing:
            return tr("The keychain has no secret for this item. Edit the item to store it "
                      "again, or delete the item.");
        case SecretState::Unknown:
            return tr("The keychain has not been checked for this secret yet.");
        }
        break;
    default:
        break;
    }
    const QString text = displayText(row, column);
    return text.isEmpty() ? QString() : text;
}

QVariant ItemTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Item &item = row.item;
    const Column column = m_columns.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, column);
    case Qt::ToolTipRole:
        return toolTipText(row, column);
    case Qt::DecorationRole:
        if (column == Column::Secret)
            return stateIcon(item.secretState);
        break;
    case Qt::ForegroundRole: {
        // Never hidden: a missing secret, an overdue key and an expired token stand out.
        const QDateTime now = m_clock.now();
        const QBrush alert(theme::color(theme::Tone::Error));
        if (column == Column::Secret && item.secretState == SecretState::Missing)
            return alert;
        if (column == Column::Rotation && row.due.isValid() && row.due <= now)
            return alert;
        if (const QDateTime expires = vault::credentialExpiry(item);
            column == Column::Expires && expires.isValid() && expires <= now)
            return alert;
        if (column == Column::Status) {
            using rotation::RotationState;
            const RotationState state = statusOf(row).state;
            if (state == RotationState::Overdue || state == RotationState::Expired)
                return alert;
            if (state == RotationState::DueSoon || state == RotationState::Expiring)
                return QBrush(theme::color(theme::Tone::Warning));
        }
        break;
    }
    case ItemIdRole:
        return item.id;
    case SecretStateRole:
        return int(item.secretState);
    case ColumnRole:
        return int(column);
    default:
        break;
    }
    return {};
}

QString ItemTableModel::columnTitle(Column column) const
{
    switch (column) {
    case Column::Name:
        return tr("Name");
    case Column::Header:
        return tr("Header");
    case Column::BaseUrl:
        return tr("Base URL");
    case Column::Owner:
        return tr("Owner");
    case Column::Tags:
        return tr("Tags");
    case Column::Rotation:
        return tr("Rotation");
    case Column::Issuer:
        return tr("Issuer");
    case Column::Subject:
        return tr("Subject");
    case Column::Audience:
        return tr("Audience");
    case Column::Expires:
        return tr("Expires");
    case Column::ClientId:
        return tr("Client ID");
    case Column::Scopes:
        return tr("Scopes");
    case Column::Secret:
        return tr("Secret");
    case Column::Kind:
        return tr("Kind");
    case Column::Status:
        return tr("Status");
    case Column::Due:
        return tr("Due");
    case Column::LastRotated:
        return tr("Last rotated");
    }
    return {};
}

QVariant ItemTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return columnTitle(m_columns.at(section));
    if (role == ColumnRole)
        return int(m_columns.at(section));
    return {};
}

int ItemTableModel::compareRows(int left, int right, int column) const
{
    return compareRowData(m_rows.at(left), m_rows.at(right), column);
}

int ItemTableModel::compareItems(const Item &a, const Item &b, int column) const
{
    return compareRowData(makeRow(a), makeRow(b), column);
}

int ItemTableModel::compareRowData(const Row &x, const Row &y, int column) const
{
    const Item &a = x.item;
    const Item &b = y.item;
    const Column col =
        (column >= 0 && column < m_columns.size()) ? m_columns.at(column) : Column::Name;
    int c = 0;
    switch (col) {
    case Column::Rotation:
        c = compareDates(x.due, y.due);
        break;
    case Column::Expires:
        c = compareDates(vault::credentialExpiry(a), vault::credentialExpiry(b));
        break;
    case Column::Secret:
        c = int(a.secretState) - int(b.secretState);
        break;
    case Column::Kind:
        c = int(a.kind) - int(b.kind);
        break;
    case Column::Status:
        c = compareDates(x.deadline, y.deadline);
        break;
    case Column::Due:
        c = compareDates(x.due, y.due);
        break;
    case Column::LastRotated:
        c = compareDates(a.lastRotated, b.lastRotated);
        break;
    case Column::Name:
        break;
    default:
        c = QString::compare(displayText(x, col), displayText(y, col), Qt::CaseInsensitive);
        break;
    }
    if (c == 0)
        c = QString::compare(a.name, b.name, Qt::CaseInsensitive);
    return c;
}

void ItemTableModel::refreshTimeColumns()
{
    if (m_rows.isEmpty())
        return;
    for (Column column : { Column::Rotation, Column::Expires, Column::Status }) {
        const int col = columnOf(column);
        if (col >= 0)
            Q_EMIT dataChanged(index(0, col), index(rowCount() - 1, col),
                { Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole });
    }
}

} // namespace keyhaven::ui
