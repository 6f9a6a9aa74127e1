// ui/models/itemfilterproxymodel.h — search over an ItemTableModel, fast enough for 100,000 rows.
#pragma once

#include "models/searchcorpus.h"

#include <QBitArray>
#include <QHash>
#include <QSortFilterProxyModel>
#include <QString>

class QTimer;

namespace keyhaven::ui {

class ItemTableModel;

// Filters on the source rows' precomputed case-folded search text (name, owner, tags, header,
// URL, issuer...). Per keystroke it avoids the two costs that make a plain QSortFilterProxyModel
// slow with 100,000 rows:
//  - sorting: sort() is forwarded to the source, which keeps its rows in order, so the proxy's
//    own sort column stays -1 and re-filtering never calls lessThan();
//  - re-testing every row: a full scan is one memmem() pass over all search texts laid out back
//    to back, and the matches of recent search texts are cached as bit sets; a text
//    that extends an earlier one only re-tests that one's matches, and going back (backspace)
//    reuses the earlier set. The cache is dropped whenever the source's revision changes.
// A new search text is applied with invalidate() (one layout change) rather than
// invalidateFilter(), which would emit a remove/insert pair for every scattered range of rows.
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
    QString searchText() const { return m_text; }

    // Sorts the source (see above).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Column 0 of the item's row here; invalid when the item is unknown or filtered out.
    QModelIndex indexOfItem(const QUuid &id) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool matches(int sourceRow, const QByteArray &needle) const;
    const QBitArray *cachedMatches() const;
    void dropStaleCache() const;
    QBitArray scan(const QByteArray &needle, const QBitArray *candidates) const;
    void buildCorpus() const;

    ItemTableModel *m_items = nullptr;
    QString m_text; // as set, trimmed
    QByteArray m_needle; // ItemTableModel::foldForSearch(m_text)
    // Matches per search text, valid for source revision m_cacheRevision.
    mutable QHash<QByteArray, QBitArray> m_cache;
    mutable quint64 m_cacheRevision = 0;
    // The current text's matches (shared with m_cache), looked up once per text, not per row.
    mutable QBitArray m_current;
    // Every row's search text, for a one-pass scan.
    mutable SearchCorpus m_corpus;
    QTimer *m_corpusTimer;
};

} // namespace keyhaven::ui
