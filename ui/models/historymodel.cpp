// ui/models/historymodel.cpp — history rows and their filter.
#include "models/historymodel.h"

#include "models/itemtablemodel.h"

#include <QBrush>
#include <QColor>
#include <QHash>
#include <QLocale>

#include <algorithm>
#include <cstring>
#include <numeric>
#include <vector>

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
    m_search.clear();
    QString text;
    for (const replay::HistoryEntry &e : std::as_const(m_entries)) {
        // The columns one per line, as the filter has always seen them: a word never matches
        // across two columns.
        text.clear();
        for (int c = 0; c < ColumnCount; ++c) {
            text += displayText(e, c);
            text += u'\n';
        }
        m_search.append(ItemTableModel::foldForSearch(text));
    }
    ++m_revision;
    sortRows();
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

QString HistoryModel::displayText(const replay::HistoryEntry &e, int column) const
{
    switch (column) {
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
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return displayText(e, index.column());
    if (role == Qt::ForegroundRole && index.column() == StatusColumn) {
        if (e.status == 0 || e.status >= 400)
            return QBrush(QColor(0xb7, 0x1c, 0x1c));
        if (e.status < 300)
            return QBrush(QColor(0x2e, 0x7d, 0x32));
    }
    return {};
}

void HistoryModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<qint64> ids;
    ids.reserve(before.size());
    for (const QModelIndex &i : before)
        ids.append(m_entries.at(i.row()).id);
    sortRows();
    if (!before.isEmpty()) {
        QHash<qint64, int> rowOf;
        rowOf.reserve(m_entries.size());
        for (int row = 0; row < m_entries.size(); ++row)
            rowOf.insert(m_entries.at(row).id, row);
        QModelIndexList after;
        after.reserve(before.size());
        for (qsizetype k = 0; k < before.size(); ++k)
            after.append(index(rowOf.value(ids.at(k)), before.at(k).column()));
        changePersistentIndexList(before, after);
    }
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

// Stable, as QSortFilterProxyModel sorts: by id (WhenColumn: ids grow with time), by status, or
// by the displayed text.
void HistoryModel::sortRows()
{
    if (m_sortColumn < 0 || m_sortColumn >= ColumnCount)
        return;
    std::vector<int> order(size_t(m_entries.size()));
    std::iota(order.begin(), order.end(), 0);
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    const auto sortBy = [&](const auto &key) {
        std::stable_sort(order.begin(), order.end(),
            [&](int a, int b) { return descending ? key(b) < key(a) : key(a) < key(b); });
    };
    if (m_sortColumn == WhenColumn) {
        sortBy([this](int row) { return m_entries.at(row).id; });
    } else if (m_sortColumn == StatusColumn) {
        sortBy([this](int row) { return m_entries.at(row).status; });
    } else {
        QStringList texts;
        texts.reserve(m_entries.size());
        for (const replay::HistoryEntry &e : std::as_const(m_entries))
            texts.append(displayText(e, m_sortColumn));
        sortBy([&texts](int row) -> const QString & { return texts.at(row); });
    }
    QList<replay::HistoryEntry> entries;
    SearchCorpus search;
    entries.reserve(m_entries.size());
    for (int row : order) {
        entries.append(std::move(m_entries[row]));
        search.append(m_search.textAt(row));
    }
    m_entries = std::move(entries);
    m_search = std::move(search);
    ++m_revision;
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

void HistoryFilterProxyModel::setSourceModel(QAbstractItemModel *source)
{
    m_history = qobject_cast<HistoryModel *>(source);
    Q_ASSERT(m_history || !source);
    QSortFilterProxyModel::setSourceModel(source);
}

void HistoryFilterProxyModel::setSearchText(const QString &text)
{
    QList<QByteArray> words;
    for (const QString &w : text.split(u' ', Qt::SkipEmptyParts))
        words.append(ItemTableModel::foldForSearch(w));
    if (words == m_words)
        return;
    m_words = words;
    m_matchesRevision = 0; // stale: filterAcceptsRow() scans again
    invalidate();
}

void HistoryFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    if (m_history)
        m_history->sort(column, order);
}

bool HistoryFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    if (sourceParent.isValid() || !m_history)
        return false;
    // Revisions start at 1 once rows are set, so 0 never matches a source's.
    if (m_matchesRevision != m_history->revision()) {
        // Every word narrows the rows the next one is tested on.
        m_matches = QBitArray();
        for (const QByteArray &w : m_words) {
            const bool first = m_matches.isNull();
            QBitArray bits = m_history->searchCorpus().scan(w, first ? nullptr : &m_matches);
            if (!first)
                bits &= m_matches;
            m_matches = bits;
        }
        m_matchesRevision = m_history->revision();
    }
    return sourceRow < m_matches.size() && m_matches.testBit(sourceRow);
}

} // namespace keyhaven::ui
