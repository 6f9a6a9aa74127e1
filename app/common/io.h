// common/io.h — size-capped file and stdin reads (inputs over the cap are refused up front), and
// whole-or-nothing file writes.
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace keyhaven::io {

inline constexpr qint64 kMaxInput = 1024 * 1024; // 1 MiB: DESIGN.md rule 3

// Reads a whole file ("-" = stdin), refusing more than maxSize bytes. Error ids:
// "file-not-found", "file-unreadable", "input-too-large".
Result<QByteArray> readFile(const QString &path, qint64 maxSize = kMaxInput);

// Writes the bytes whole or not at all (a temporary file renamed over the target), so that a
// file kept in git or read by a desktop is never left half-written. Error id: "file-unwritable".
Result<void> writeFile(const QString &path, QByteArrayView bytes);

} // namespace keyhaven::io
