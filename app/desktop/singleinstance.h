// desktop/singleinstance.h — one keyhaven per user and data folder: a local socket carries
// launches.
#pragma once

#include "common/result.h"
#include "desktop/launchrequest.h"

#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

namespace keyhaven::desktop {

// The first keyhaven listens on a per-user local socket; a later launch hands its LaunchRequest
// (raise, or a token for the Inspector) over that socket and exits. The token travels only
// over the socket: never on disk, in a log or on another process's command line.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    // <runtime folder>/keyhaven-<uid>-<hash of the data folder>: instances with another
    // KEYHAVEN_DATA_DIR (the tests) or another user never meet.
    static QString serverName(const QString &dataDir);

    enum class Forward {
        Delivered, // a running instance took the request
        NoInstance, // nobody listens (no socket, or a stale one): become the instance
        NoAnswer // someone accepted the connection but did not acknowledge in time
    };
    // Client side. Runs in main() before any window or event loop exists, so it may block for
    // up to timeoutMs (no object can be deleted under it, unlike a nested loop in a slot).
    static Forward forward(const QString &name, const LaunchRequest &request, int timeoutMs);

    explicit SingleInstance(QObject *parent = nullptr);
    ~SingleInstance() override;

    // Server side: listens on `name`. A socket left by a crashed instance (nobody
    // answers on it) is removed first. Error id: "instance-listen".
    Result<void> listen(const QString &name);
    bool isListening() const;

Q_SIGNALS:
    void requestReceived(const keyhaven::desktop::LaunchRequest &request);

private:
    void accept();

    QLocalServer *m_server;
};

} // namespace keyhaven::desktop
