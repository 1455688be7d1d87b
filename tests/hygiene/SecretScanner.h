#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace authkit::hygiene {

// Where a secret was seen. The secret itself is never kept: a report must not leak it again.
struct SecretFinding {
    QString path;
    qint64 offset = 0;
    QString kind;
};

struct SecretScanReport {
    qint64 files = 0;
    qint64 bytes = 0;
    QStringList unreadable;
    QList<SecretFinding> findings;
};

// Looks through files for the secrets the project must never write down: JWTs (access tokens),
// refresh tokens in the emulator's format, and anything named refresh_token, access_token,
// code or code_verifier with a value of token shape. Files are read as bytes, so binary files
// (databases, caches) are covered too; symbolic links are not followed.
class SecretScanner {
public:
    void addRoot(const QString &path);
    QStringList roots() const { return m_roots; }

    SecretScanReport scan() const;

    // What scan() applies to every piece of every file; offsets count from baseOffset.
    static QList<SecretFinding> findInBytes(const QByteArray &bytes, const QString &path,
                                            qint64 baseOffset = 0);

private:
    void scanFile(const QString &path, SecretScanReport &report) const;

    QStringList m_roots;
};

} // namespace authkit::hygiene
