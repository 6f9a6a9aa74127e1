// ui/models/searchcorpus.h — rows' search texts back to back, searched in one memmem() pass.
#pragma once

#include <QBitArray>
#include <QByteArray>
#include <QList>

namespace keyhaven::ui {

// Every row's case-folded search text laid out back to back ('\0' between), so that a full scan
// is one memmem() pass over contiguous memory instead of one call (and one set-up of glibc's
// search) per row. Shared by ItemFilterProxyModel and HistoryModel.
class SearchCorpus
{
public:
    void clear();
    void reserve(int rows, qsizetype bytes);
    void append(QByteArrayView rowText); // texts never contain '\0'
    int rowCount() const { return m_rowStart.isEmpty() ? 0 : int(m_rowStart.size()) - 1; }
    QByteArrayView textAt(int row) const;

    // The rows whose text contains `needle` (not empty). With `candidates`, only those rows can
    // match (the matches of a text that `needle` contains).
    QBitArray scan(QByteArrayView needle, const QBitArray *candidates = nullptr) const;

private:
    QByteArray m_text;
    QList<qsizetype> m_rowStart; // where each row's text begins, and the end
};

} // namespace keyhaven::ui
