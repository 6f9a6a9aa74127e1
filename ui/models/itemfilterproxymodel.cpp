// ui/models/itemfilterproxymodel.cpp — search over an ItemTableModel.
#include "models/itemfilterproxymodel.h"

#include "models/itemtablemodel.h"

#include <QTimer>

#include <algorithm>
#include <cstring>

namespace keyhaven::ui {

namespace {

// Bit sets of 100,000 rows are 12.5 KB each: a few dozen recent search texts are cheap.
constexpr qsizetype kMaxCachedTexts = 48;
// Quiet time after a change before the search texts are laid out again (a burst of changes,
// e.g. a sync, rebuilds once).
constexpr int kCorpusDelayMs = 200;

} // namespace

ItemFilterProxyModel::ItemFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_corpusTimer(new QTimer(this))
{
    setDynamicSortFilter(true);
    m_corpusTimer->setSingleShot(true);
    m_corpusTimer->setInterval(kCorpusDelayMs);
    connect(m_corpusTimer, &QTimer::timeout, this, [this] {
        if (!m_items)
            return;
        dropStaleCache();
        if (m_corpus.rowCount() != m_items->rowCount())
            buildCorpus();
    });
}

void ItemFilterProxyModel::setSourceModel(QAbstractItemModel *source)
{
    if (m_items)
        disconnect(m_items, nullptr, this, nullptr);
    m_items = qobject_cast<ItemTableModel *>(source);
    Q_ASSERT(m_items || !source);
    m_cache.clear();
    QSortFilterProxyModel::setSourceModel(source);
    if (!m_items)
        return;
    // Lay the search texts out again while idle after a change, not on the next keystroke.
    const auto rebuildSoon = [this] { m_corpusTimer->start(); };
    connect(m_items, &QAbstractItemModel::modelReset, this, rebuildSoon);
    connect(m_items, &QAbstractItemModel::rowsInserted, this, rebuildSoon);
    connect(m_items, &QAbstractItemModel::rowsRemoved, this, rebuildSoon);
    connect(m_items, &QAbstractItemModel::rowsMoved, this, rebuildSoon);
    connect(m_items, &QAbstractItemModel::layoutChanged, this, rebuildSoon);
    connect(m_items, &QAbstractItemModel::dataChanged, this, rebuildSoon);
    m_corpusTimer->start();
}

void ItemFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    if (m_items)
        m_items->sort(column, order);
}

QModelIndex ItemFilterProxyModel::indexOfItem(const QUuid &id) const
{
    const int row = m_items ? m_items->rowOf(id) : -1;
    return row < 0 ? QModelIndex() : mapFromSource(m_items->index(row, 0));
}

bool ItemFilterProxyModel::matches(int sourceRow, const QByteArray &needle) const
{
    const QByteArray &haystack = m_items->searchTextAt(sourceRow);
    return memmem(haystack.constData(), size_t(haystack.size()), needle.constData(),
               size_t(needle.size()))
        != nullptr;
}

void ItemFilterProxyModel::dropStaleCache() const
{
    const quint64 revision = m_items ? m_items->revision() : 0;
    if (m_cacheRevision != revision) {
        m_cache.clear();
        m_current = QBitArray();
        m_corpus.clear();
        m_cacheRevision = revision;
    }
}

const QBitArray *ItemFilterProxyModel::cachedMatches() const
{
    dropStaleCache();
    const auto it = m_cache.constFind(m_needle);
    return it == m_cache.cend() ? nullptr : &it.value();
}

void ItemFilterProxyModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    const QByteArray needle = ItemTableModel::foldForSearch(trimmed);
    m_needle = needle;
    if (m_items && !needle.isEmpty() && !cachedMatches()) {
        // Every row matching `needle` matches any cached text it contains: only those need a test.
        const QBitArray *narrowFrom = nullptr;
        qsizetype narrowLength = 0;
        for (auto it = m_cache.cbegin(); it != m_cache.cend(); ++it) {
            if (it.key().size() > narrowLength && needle.contains(it.key())) {
                narrowFrom = &it.value();
                narrowLength = it.key().size();
            }
        }
        QBitArray bits = scan(needle, narrowFrom);
        if (m_cache.size() >= kMaxCachedTexts)
            m_cache.clear();
        m_cache.insert(needle, bits);
    }
    const QBitArray *current = m_needle.isEmpty() ? nullptr : cachedMatches();
    m_current = current ? *current : QBitArray();
    invalidate();
}

void ItemFilterProxyModel::buildCorpus() const
{
    const int rows = m_items->rowCount();
    qsizetype total = 0;
    for (int row = 0; row < rows; ++row)
        total += m_items->searchTextAt(row).size();
    m_corpus.clear();
    m_corpus.reserve(rows, total);
    for (int row = 0; row < rows; ++row)
        m_corpus.append(m_items->searchTextAt(row));
}

QBitArray ItemFilterProxyModel::scan(const QByteArray &needle, const QBitArray *candidates) const
{
    dropStaleCache();
    if (m_corpus.rowCount() != m_items->rowCount())
        buildCorpus();
    return m_corpus.scan(needle, candidates);
}

bool ItemFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_items)
        return false;
    if (m_needle.isEmpty())
        return true;
    dropStaleCache(); // the source changed since: test the row itself
    if (sourceRow < m_current.size())
        return m_current.testBit(sourceRow);
    return matches(sourceRow, m_needle);
}

} // namespace keyhaven::ui
