// ui/models/historymodel.h — the redacted replay history (app/replay History) as a table.
#pragma once

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

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<replay::HistoryEntry> m_entries;
};

// The filter box: every word must appear in one of the columns (or in the error text).
class HistoryFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit HistoryFilterProxyModel(QObject *parent = nullptr);
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
};

} // namespace keyhaven::ui
