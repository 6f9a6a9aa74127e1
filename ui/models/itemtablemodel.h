// ui/models/itemtablemodel.h — one kind of vault item as table rows (metadata only, never secrets).
#pragma once

#include "common/clock.h"
#include "rotation/rotationpolicy.h"
#include "vault/item.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QTimeZone>

namespace keyhaven::vault {
class Vault;
}

namespace keyhaven::ui {

// Rows are the items of one ItemKind, kept in sort order (sort() reorders them; inserts go to
// their sorted place; a rename moves its row). Single changes arrive as itemAdded / itemUpdated /
// itemRemoved and become row inserts, moves, dataChanged and row removals; only itemsChanged (a
// bulk change) resets. Sorting here rather than in the proxy keeps every keystroke in the search
// box free of sorting (see ItemFilterProxyModel). Each row keeps a case-folded search text so that
// filtering 100,000 rows is a plain substring scan, and columns derived from dates are computed
// from cached metadata (no token is decoded while painting).
class ItemTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // What a column shows; which columns a kind has comes from columnsFor().
    enum class Column {
        Name,
        Header,
        BaseUrl,
        Owner,
        Tags,
        Rotation,
        Issuer,
        Subject,
        Audience,
        Expires,
        ClientId,
        Scopes,
        Secret,
        Kind, // the dashboard's columns (every kind in one list)
        Status, // "overdue for 7 days", "expires in 2 days"; sorts by the nearer deadline
        Due,
        LastRotated,
    };
    enum Role {
        ItemIdRole = Qt::UserRole + 1, // QUuid
        SecretStateRole, // int(vault::SecretState)
        ColumnRole, // int(Column) of the index's column
    };

    // Rotation due dates count calendar days in `zone` (rotation::dueDate).
    explicit ItemTableModel(vault::ItemKind kind, QObject *parent, Clock clock = Clock::system(),
        QTimeZone zone = QTimeZone::systemTimeZone());

    static QList<Column> columnsFor(vault::ItemKind kind);

    vault::ItemKind kind() const { return m_kind; }
    const QList<Column> &columns() const { return m_columns; }
    int columnOf(Column column) const { return int(m_columns.indexOf(column)); }

    // Follows `vault` (not owned): shows `items` (what vault->items() returned: the window reads
    // the store once for all panels) and applies the vault's change signals from now on.
    void bindVault(vault::Vault *vault, const QList<vault::Item> &items);

    // Replaces every row (a reset). Items of other kinds are ignored.
    void setItems(const QList<vault::Item> &items);
    // Inserts a new row or updates the row with the same id (items of other kinds are ignored;
    // an item whose kind changed is removed).
    void upsertItem(const vault::Item &item);
    void removeItem(const QUuid &id);

    int rowOf(const QUuid &id) const;
    const vault::Item &itemAt(int row) const { return m_rows.at(row).item; }
    // Case-folded UTF-8 text the filter searches: name, owner, tags, header, URLs, issuer,
    // subject, client id (UTF-8 so that the search is a memmem() per row).
    const QByteArray &searchTextAt(int row) const { return m_rows.at(row).search; }
    // `text` as the filter compares it with searchTextAt().
    static QByteArray foldForSearch(const QString &text);
    // <0, 0, >0 like QString::compare, for sorting by `column` (a model column index).
    int compareRows(int left, int right, int column) const;
    int compareItems(const vault::Item &a, const vault::Item &b, int column) const;
    // Bumped on every change of rows or their order: the proxy's match cache checks it.
    quint64 revision() const { return m_revision; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Human text for a point in time relative to now ("in 3 days", "5 min ago").
    static QString relativeTime(const QDateTime &when, const QDateTime &now);
    // When rotation is due (null when the item has no rotation schedule): rotation::dueDate in
    // the model's zone; cached per row, as sorting by it is on the 100k-row path.
    QDateTime rotationDue(const vault::Item &item) const;
    QDateTime rotationDueAt(int row) const { return m_rows.at(row).due; }
    // The item's rotation state at the model's clock (due date from the row cache).
    rotation::RotationStatus rotationStatusAt(int row) const;

protected:
    // A model of every kind with these columns (the dashboard); acceptsItem() picks the rows.
    ItemTableModel(QList<Column> columns, QObject *parent, Clock clock, QTimeZone zone);
    // Whether `item` is a row of this model (by default: items of kind()).
    virtual bool acceptsItem(const vault::Item &item) const;
    const Clock &clock() const { return m_clock; }
    const QTimeZone &zone() const { return m_zone; }

private:
    struct Row
    {
        vault::Item item;
        QByteArray search;
        QDateTime due; // rotationDue(item)
        QDateTime deadline; // the nearer of due and item.expires (sorts the Status column)
    };
    rotation::RotationStatus statusOf(const Row &row) const;
    QString statusText(const rotation::RotationStatus &status) const;
    Row makeRow(const vault::Item &item) const;
    void startTimeRefresh();
    static QByteArray searchTextFor(const vault::Item &item);
    QString displayText(const Row &row, Column column) const;
    QString toolTipText(const Row &row, Column column) const;
    QString columnTitle(Column column) const;
    void refreshTimeColumns();
    int compareRowData(const Row &a, const Row &b, int column) const;
    bool before(const Row &a, const Row &b) const;
    int sortedPosition(const Row &row) const;

    vault::ItemKind m_kind;
    bool m_allKinds = false;
    QList<Column> m_columns;
    QList<Row> m_rows;
    Clock m_clock;
    QTimeZone m_zone;
    QPointer<vault::Vault> m_vault;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    quint64 m_revision = 0;
};

} // namespace keyhaven::ui
