// ui/models/itemfilterproxymodel.h — search and sort over an ItemTableModel.
#pragma once

#include <QSortFilterProxyModel>
#include <QString>

namespace keyhaven::ui {

class ItemTableModel;

// Filters on the source rows' precomputed case-folded search text (name, owner, tags, header,
// URL, issuer...) and sorts with ItemTableModel::compareRows, so neither path goes through
// QVariant per row: typing in the search box stays fast with 100,000 rows.
class ItemFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ItemFilterProxyModel(QObject *parent);

    // The source must be an ItemTableModel (or null).
    void setSourceModel(QAbstractItemModel *source) override;
    ItemTableModel *itemModel() const { return m_items; }

    // Case-insensitive substring search; surrounding blanks are ignored; "" shows every row.
    void setSearchText(const QString &text);
    QString searchText() const { return m_needle; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    ItemTableModel *m_items = nullptr;
    QString m_needle; // case-folded
};

} // namespace keyhaven::ui
