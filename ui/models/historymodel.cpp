// ui/models/historymodel.cpp — history rows and their filter.
#include "models/historymodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void HistoryModel::setEntries(const QList<replay::HistoryEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

const replay::HistoryEntry *HistoryModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {
QString diagnosisText(const replay::HistoryEntry &e)
{
    if (!e.error.isEmpty())
        return e.error;
    QStringList parts;
    for (const replay::Diagnosis &d : e.diagnosis)
        parts.append(d.message);
    return parts.join(u' ');
}
} // namespace

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const replay::HistoryEntry &e = m_entries.at(index.row());
    if (role == IdRole)
        return e.id;
    if (role == SortRole) {
        switch (index.column()) {
        case WhenColumn:
            return e.id; // ids grow with time, and sort without parsing
        case StatusColumn:
            return e.status;
        default:
            break;
        }
        role = Qt::DisplayRole;
    }
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case WhenColumn:
            return QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat);
        case MethodColumn:
            return QString::fromUtf8(e.method);
        case UrlColumn:
            return e.url;
        case StatusColumn:
            //: History: the send got no answer (network error, cancelled)
            return e.status ? QString::number(e.status) : tr("none");
        case ItemColumn:
            return e.item;
        case DiagnosisColumn:
            return diagnosisText(e);
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn) {
        if (e.status == 0 || e.status >= 400)
            return QBrush(QColor(0xb7, 0x1c, 0x1c));
        if (e.status < 300)
            return QBrush(QColor(0x2e, 0x7d, 0x32));
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case MethodColumn:
        return tr("Method");
    case UrlColumn:
        return tr("URL");
    case StatusColumn:
        return tr("Status");
    case ItemColumn:
        //: History column: the vault item whose credential the request carried
        return tr("Item");
    case DiagnosisColumn:
        return tr("Diagnosis");
    default:
        return {};
    }
}

HistoryFilterProxyModel::HistoryFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(HistoryModel::SortRole);
}

void HistoryFilterProxyModel::setSearchText(const QString &text)
{
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

bool HistoryFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QAbstractItemModel *m = sourceModel();
    QString haystack;
    for (int c = 0; c < m->columnCount(sourceParent); ++c)
        haystack += m->index(sourceRow, c, sourceParent).data().toString() + u'\n';
    for (const QString &w : m_words) {
        if (!haystack.contains(w, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace keyhaven::ui
