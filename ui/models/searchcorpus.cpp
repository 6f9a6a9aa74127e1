// ui/models/searchcorpus.cpp — one-pass substring search over many rows.
#include "models/searchcorpus.h"

#include <algorithm>
#include <cstring>

namespace keyhaven::ui {

void SearchCorpus::clear()
{
    m_text.clear();
    m_rowStart.clear();
}

void SearchCorpus::reserve(int rows, qsizetype bytes)
{
    m_text.reserve(bytes + rows);
    m_rowStart.reserve(rows + 1);
}

void SearchCorpus::append(QByteArrayView rowText)
{
    if (m_rowStart.isEmpty())
        m_rowStart.append(0);
    m_text += rowText;
    m_text += '\0';
    m_rowStart.append(m_text.size());
}

QByteArrayView SearchCorpus::textAt(int row) const
{
    const qsizetype from = m_rowStart.at(row);
    return QByteArrayView(m_text.constData() + from, m_rowStart.at(row + 1) - from - 1);
}

QBitArray SearchCorpus::scan(QByteArrayView needle, const QBitArray *candidates) const
{
    const int rows = rowCount();
    QBitArray bits(rows);
    if (candidates && candidates->size() == rows && candidates->count(true) < rows / 4) {
        // Few candidates left: test just those rows.
        for (int row = 0; row < rows; ++row) {
            if (!candidates->testBit(row))
                continue;
            const QByteArrayView text = textAt(row);
            if (memmem(text.data(), size_t(text.size()), needle.data(), size_t(needle.size())))
                bits.setBit(row);
        }
        return bits;
    }
    // One pass: find a match, mark its row, continue at the next row's start. The '\0' between
    // rows keeps a match from spanning two of them.
    const char *begin = m_text.constData();
    const char *end = begin + m_text.size();
    const char *at = begin;
    while (at < end) {
        const void *hit = memmem(at, size_t(end - at), needle.data(), size_t(needle.size()));
        if (!hit)
            break;
        const qsizetype offset = static_cast<const char *>(hit) - begin;
        const auto next = std::upper_bound(m_rowStart.cbegin(), m_rowStart.cend(), offset);
        const int row = int(next - m_rowStart.cbegin()) - 1;
        bits.setBit(row);
        at = begin + *next;
    }
    return bits;
}

} // namespace keyhaven::ui
