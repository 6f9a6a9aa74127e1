// ui/models/historymodel.h — the redacted replay history (app/replay History) as a table.
#pragma once

#include "models/searchcorpus.h"
#include "replay/history.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSortFilterProxyModel>

namespace keyhaven::ui {

class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        WhenColumn,
        MethodColumn,
        UrlColumn,
        StatusColumn,
        ItemColumn,
        DiagnosisColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, SortRole };

    explicit HistoryModel(QObject *parent = nullptr);

    void setEntries(const QList<replay::HistoryEntry> &entries); // newest first
    const QList<replay::HistoryEntry> &entries() const { return m_entries; }
    const replay::HistoryEntry *entryAt(int row) const;
    // Each row's displayed texts (every column, and the error), case-folded once when the rows
    // are set (ItemTableModel::foldForSearch): a keystroke in the filter is then one substring
    // scan over all rows, not six data() calls and a date formatted per row.
    const SearchCorpus &searchCorpus() const { return m_search; }
    quint64 revision() const { return m_revision; } // changes with the rows or their order

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Keeps the rows in this order, also across setEntries(); HistoryFilterProxyModel forwards
    // its sort() here (see there).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    QString displayText(const replay::HistoryEntry &e, int column) const;
    void sortRows();

    int m_sortColumn = -1; // -1: as given (newest first)
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;

    QList<replay::HistoryEntry> m_entries;
    SearchCorpus m_search; // see searchCorpus()
    quint64 m_revision = 0;
};

// The filter box: every word must appear in one of the columns (or in the error text),
// case-insensitively. The source must be a HistoryModel (or null). As ItemFilterProxyModel does,
// and for the same reasons (100,000 rows within a frame per keystroke): sort() is forwarded to
// the source, so re-filtering never sorts, and a new search text is applied with invalidate(),
// one layout change, rather than a remove/insert pair per scattered range of rows (each of
// which a view's header walks in full).
class HistoryFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit HistoryFilterProxyModel(QObject *parent = nullptr);
    void setSourceModel(QAbstractItemModel *source) override;
    void setSearchText(const QString &text);
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    HistoryModel *m_history = nullptr;
    QList<QByteArray> m_words; // case-folded
    // The rows matching every word, for the source's revision m_matchesRevision.
    mutable QBitArray m_matches;
    mutable quint64 m_matchesRevision = 0;
};

} // namespace keyhaven::ui
