#include <authkitqt/core/CrossProcessLock.h>

#include "Logging_p.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QLockFile>
#include <QStandardPaths>

namespace authkit {

namespace {
constexpr int kPollMs = 20;
// A holder that is alive but stuck (a hung refresh) is not waited on for ever: QLockFile treats
// a lock older than this as stale. A dead holder's lock is taken over at once (its PID is gone).
constexpr int kStaleAfterMs = 2 * 60 * 1000;
} // namespace

QString CrossProcessLock::pathForKey(const QString &storageKey)
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (folder.isEmpty())
        folder = QDir::tempPath();
    // The key names the profile and client ID; its digest keeps the file name short and tame.
    const QByteArray digest =
        QCryptographicHash::hash(storageKey.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    return QDir(folder).filePath(QStringLiteral("authkitqt-session-%1.lock")
                                     .arg(QString::fromLatin1(digest)));
}

CrossProcessLock::CrossProcessLock(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_file(std::make_unique<QLockFile>(m_path))
{
    m_file->setStaleLockTime(kStaleAfterMs);
    m_retry.setInterval(kPollMs);
    connect(&m_retry, &QTimer::timeout, this, &CrossProcessLock::tryOnce);
}

CrossProcessLock::~CrossProcessLock()
{
    release();
}

bool CrossProcessLock::isHeld() const
{
    return m_file->isLocked();
}

void CrossProcessLock::acquire(AcquiredCallback done, int waitMs)
{
    if (m_waiter) {
        qCWarning(lcToken) << "lock already being acquired; refusing a second waiter";
        done(false);
        return;
    }
    m_waiter = std::move(done);
    m_deadlineMs = QDateTime::currentMSecsSinceEpoch() + waitMs;
    tryOnce();
}

void CrossProcessLock::tryOnce()
{
    if (!m_waiter) {
        m_retry.stop();
        return;
    }
    bool acquired = m_file->tryLock(0);
    if (!acquired && m_file->error() != QLockFile::LockFailedError) {
        // Permission or unknown error: the folder is unusable; go on without the lock rather than
        // blocking every refresh (a concurrent process may then see a spent token, as before).
        qCWarning(lcToken).noquote() << "cannot use the session lock file" << m_path;
        acquired = false;
        m_retry.stop();
        std::exchange(m_waiter, {})(false);
        return;
    }
    if (acquired) {
        m_retry.stop();
        std::exchange(m_waiter, {})(true);
        return;
    }
    if (QDateTime::currentMSecsSinceEpoch() >= m_deadlineMs) {
        m_retry.stop();
        qCWarning(lcToken) << "gave up waiting for the session lock";
        std::exchange(m_waiter, {})(false);
        return;
    }
    if (!m_retry.isActive())
        m_retry.start();
}

void CrossProcessLock::release()
{
    m_retry.stop();
    m_waiter = {};
    if (m_file->isLocked())
        m_file->unlock();
}

} // namespace authkit
