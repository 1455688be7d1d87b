#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>
#include <authkitqt/core/authkitqt_core_export.h>

class QLockFile;

namespace authkit {

/// A lock shared by every process of this user that uses one keychain entry, taken around a
/// refresh: whoever holds it refreshes and stores the rotated token; the others wait, then read
/// the keychain again and use what the holder stored instead of presenting a spent refresh token.
/// A lock file in the user's runtime folder (QLockFile: a holder that died leaves no stale lock).
/// Acquisition waits on the event loop, never blocking it.
class AUTHKITQT_CORE_EXPORT CrossProcessLock : public QObject
{
    Q_OBJECT
public:
    using AcquiredCallback = std::function<void(bool acquired)>;

    static constexpr int kDefaultWaitMs = 45000; ///< longer than one refresh round trip may take

    /// The lock for one keychain entry (its storage key), in the user's runtime folder.
    static QString pathForKey(const QString &storageKey);

    explicit CrossProcessLock(QString path, QObject *parent = nullptr);
    ~CrossProcessLock() override;

    /// Calls done(true) once this process holds the lock, or done(false) after waitMs.
    /// Re-entrant acquisition is not supported: one holder at a time within the process too.
    void acquire(AcquiredCallback done, int waitMs = kDefaultWaitMs);
    void release();
    bool isHeld() const;
    QString path() const { return m_path; }

private:
    void tryOnce();

    QString m_path;
    std::unique_ptr<QLockFile> m_file;
    QTimer m_retry;
    AcquiredCallback m_waiter;
    qint64 m_deadlineMs = 0;
};

} // namespace authkit
