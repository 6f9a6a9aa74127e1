// tests/vault/vaulttests.cpp — helpers shared by tst_vault and its child process (vaultwriter).
#include "vaulttests.h"

#include <QCryptographicHash>
#include <QMutex>

#include <cstdio>

namespace keyhaven::test {

QByteArray &capturedLog()
{
    static QByteArray log;
    return log;
}

namespace {
QMutex logMutex;
QtMessageHandler previousHandler = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line = QByteArray(context.category ? context.category : "default") + ": "
        + message.toUtf8() + '\n';
    {
        QMutexLocker lock(&logMutex);
        capturedLog() += line;
    }
    // Pass it on (QTest's own handler during a test run); debug output of every Qt category
    // would drown what a developer needs, so that stays in the capture only.
    if (type == QtDebugMsg)
        return;
    if (previousHandler)
        previousHandler(type, context, message);
    else
        std::fputs(line.constData(), stderr);
}
} // namespace

void installCapturingMessageHandler()
{
    const QtMessageHandler previous = qInstallMessageHandler(capture);
    if (previous != capture)
        previousHandler = previous;
}

QByteArray derivedSecret(const QString &name, quint32 version)
{
    static constexpr int kLengths[] = { 40, 700, 2000, 2001, 2600, 4100, 7300 };
    const QByteArray seed = name.toUtf8() + '|' + QByteArray::number(version);
    const QByteArray h = QCryptographicHash::hash(seed, QCryptographicHash::Sha256);
    const int length = kLengths[quint8(h.at(0)) % (sizeof kLengths / sizeof kLengths[0])];
    QByteArray out = seed + '|' + QByteArray::number(length) + '|';
    QByteArray block = h;
    while (out.size() < length) {
        block = QCryptographicHash::hash(block, QCryptographicHash::Sha256);
        out += block.toHex();
    }
    out.truncate(std::max<qsizetype>(length, out.indexOf('|', seed.size()) + 1));
    return out;
}

bool isDerivedSecret(const QString &name, QByteArrayView secret)
{
    const QByteArray prefix = name.toUtf8() + '|';
    if (!secret.startsWith(prefix))
        return false;
    const qsizetype bar = secret.indexOf('|', prefix.size());
    if (bar < 0)
        return false;
    bool ok = false;
    const quint32 version =
        secret.sliced(prefix.size(), bar - prefix.size()).toByteArray().toUInt(&ok);
    return ok && secret == derivedSecret(name, version);
}

} // namespace keyhaven::test
