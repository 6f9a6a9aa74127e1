// common/io.cpp — size-capped file and stdin reads.
#include "common/io.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace keyhaven::io {

Result<QByteArray> readFile(const QString &path, qint64 maxSize)
{
    QFile file;
    const bool isStdin = path == u"-"_s;
    if (isStdin) {
        if (!file.open(stdin, QIODevice::ReadOnly))
            return Error::environment(u"file-unreadable"_s, u"Cannot read standard input."_s);
    } else {
        file.setFileName(path);
        if (!QFileInfo::exists(path))
            return Error::input(u"file-not-found"_s, u"No such file: %1"_s.arg(path));
        if (!file.open(QIODevice::ReadOnly))
            return Error::input(
                u"file-unreadable"_s, u"Cannot read %1: %2"_s.arg(path, file.errorString()));
        if (file.size() > maxSize)
            return Error::input(u"input-too-large"_s,
                u"%1 is %2 bytes; the limit is %3 bytes."_s.arg(path)
                    .arg(file.size())
                    .arg(maxSize));
    }
    // Read one byte past the cap so that a too-large stream is detected, never truncated.
    QByteArray data = file.read(maxSize + 1);
    if (data.size() > maxSize)
        return Error::input(u"input-too-large"_s,
            u"%1 is larger than the limit of %2 bytes."_s.arg(isStdin ? u"Standard input"_s : path)
                .arg(maxSize));
    return data;
}

Result<void> writeFile(const QString &path, QByteArrayView bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes.data(), bytes.size()) != bytes.size()
        || !file.commit())
        return Error::environment(
            u"file-unwritable"_s, u"Cannot write %1: %2"_s.arg(path, file.errorString()));
    return {};
}

} // namespace keyhaven::io
