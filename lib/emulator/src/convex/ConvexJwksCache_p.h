#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace authkit::emulator {

// The key sets (JWKS) the Convex deployment trusts, fetched over HTTP from the URL each auth
// provider names, as the real backend fetches a provider's jwks URL (lib/emulator/README.md,
// "Convex deployment"): so a deployment can trust another emulator's or a real issuer's keys.
// A key set is kept until a token names a kid it lacks; then it is fetched again, at most once
// per cooldown. data: and file: URLs are read inline.
class ConvexJwksCache : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultCooldownMs = 5000; // between two fetches of one URL
    static constexpr int kFetchTimeoutMs = 5000;
    static constexpr qint64 kMaxDocumentBytes = 1024 * 1024;

    explicit ConvexJwksCache(QObject *parent = nullptr);

    void setCooldownMs(int milliseconds) { m_cooldownMs = milliseconds; }

    // The key set of url as last fetched, or nullopt and why (the backend's wording).
    std::optional<QByteArray> cached(const QString &url, QString *error) const;
    // Calls done once url's key set is at hand for kid: at once when it is cached and has kid
    // (or a fetch is not due yet), else after a fetch ends, successful or not.
    void ensure(const QString &url, const QString &kid, std::function<void()> done);

private:
    struct Entry
    {
        std::optional<QByteArray> document;
        QString error;
        QElapsedTimer lastAttempt;
        bool fetching = false;
        QList<std::function<void()>> waiters;
    };
    static bool hasKid(const QByteArray &document, const QString &kid);
    void fetch(const QString &url);
    void finish(const QString &url, std::optional<QByteArray> document, const QString &error);

    QNetworkAccessManager m_network;
    QHash<QString, Entry> m_entries;
    int m_cooldownMs = kDefaultCooldownMs;
};

} // namespace authkit::emulator
