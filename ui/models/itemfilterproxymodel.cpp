// ui/models/itemfilterproxymodel.cpp — search and sort over an ItemTableModel.
#include "models/itemfilterproxymodel.h"

#include "models/itemtablemodel.h"

namespace keyhaven::ui {

ItemFilterProxyModel::ItemFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void ItemFilterProxyModel::setSourceModel(QAbstractItemModel *source)
{
    m_items = qobject_cast<ItemTableModel *>(source);
    Q_ASSERT(m_items || !source);
    QSortFilterProxyModel::setSourceModel(source);
}

void ItemFilterProxyModel::setSearchText(const QString &text)
{
    const QString needle = text.trimmed().toCaseFolded();
    if (needle == m_needle)
        return;
    m_needle = needle;
    invalidateFilter();
}

bool ItemFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_items)
        return false;
    if (m_needle.isEmpty())
        return true;
    return m_items->searchTextAt(sourceRow).contains(m_needle);
}

bool ItemFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_items)
        return QSortFilterProxyModel::lessThan(left, right);
    return m_items->compareRows(left.row(), right.row(), left.column()) < 0;
}

} // namespace keyhaven::ui
