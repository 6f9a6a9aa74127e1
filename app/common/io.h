// common/io.h — size-capped file and stdin reads (inputs over the cap are refused up front).
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace keyhaven::io {

inline constexpr qint64 kMaxInput = 1024 * 1024; // 1 MiB: DESIGN.md rule 3

// Reads a whole file ("-" = stdin), refusing more than maxSize bytes. Error ids:
// "file-not-found", "file-unreadable", "input-too-large".
Result<QByteArray> readFile(const QString &path, qint64 maxSize = kMaxInput);

} // namespace keyhaven::io
