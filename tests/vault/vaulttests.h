// tests/vault/vaulttests.h — helpers shared by tst_vault and its child process (vaultwriter).
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTest>

#include <functional>
#include <optional>

namespace keyhaven::test {

// Everything any category logged in this process. QTest installs its own handler for each test
// class, so a test installs this one again (it forwards to the previous handler).
QByteArray &capturedLog();
void installCapturingMessageHandler();

// A self-checking secret: "name|version|length|" + deterministic bytes (a SHA-256 chain of the
// prefix), `length` bytes in all. Several lengths, some over the 2000-byte chunk size.
QByteArray derivedSecret(const QString &name, quint32 version);
// True when `secret` is exactly derivedSecret(name, v) for the v it names.
bool isDerivedSecret(const QString &name, QByteArrayView secret);

// Starts an asynchronous call with (context, callback) and waits (in tests: may spin the event
// loop) for its result.
template <typename T>
std::optional<Result<T>> await(
    const std::function<void(QObject *, std::function<void(Result<T>)>)> &start, int ms = 30000)
{
    std::optional<Result<T>> out;
    QObject context;
    start(&context, [&out](Result<T> r) { out.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&out] { return out.has_value(); }, ms);
    return out;
}

} // namespace keyhaven::test
