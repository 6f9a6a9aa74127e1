// tests/fuzz/fuzz_curl.cpp — the shell word splitter and curl importer on arbitrary bytes: no
// file or stdin is ever read (the working directory is empty, stdin is refused).
#include "replay/curlimport.h"

#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>

using namespace keyhaven;
using namespace keyhaven::replay;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir empty;
    CurlContext ctx;
    ctx.workingDir = QDir(empty.path());
    ctx.env = [](const QString &name) -> std::optional<QByteArray> {
        if (name == QLatin1String("SET"))
            return QByteArray("value");
        return std::nullopt;
    };
    ctx.readStdin = []() -> Result<QByteArray> {
        return Error::input(QStringLiteral("stdin-unavailable"), QStringLiteral("no stdin"));
    };
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    Result<CurlImport> r = importCurl(input, ctx);
    if (r) {
        for (const Request &req : r->requests)
            (void)requestTarget(req.url);
    }
    return 0;
}
