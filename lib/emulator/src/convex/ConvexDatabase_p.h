#pragma once

#include <authkitqt/convex/ConvexValue.h>

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace authkit::emulator {

// The deployment's tables (users, messages) in SQLite through Qt SQL, on disk or in memory, and
// its commit timestamp: nanoseconds since the epoch, strictly increasing with every commit.
class ConvexDatabase
{
public:
    ConvexDatabase();
    ~ConvexDatabase();
    ConvexDatabase(const ConvexDatabase &) = delete;
    ConvexDatabase &operator=(const ConvexDatabase &) = delete;

    // An empty path keeps everything in memory.
    bool open(const QString &path, QString *error);

    quint64 latestTs() const { return m_latestTs; }
    quint64 commit(); // a new ts for a write, above every earlier one

    // Documents as Convex returns them: {_id, _creationTime (ms, float64), fields…}.
    std::optional<convex::ConvexValue> userByTokenIdentifier(const QString &tokenIdentifier);
    QString insertUser(const convex::ConvexValue::Object &fields);
    void updateUserName(const QString &id, const QString &name);
    // Oldest first; each carries the author's WorkOS user id (authorId) and, when the WorkOS
    // users table knows it, the author's name (authorName).
    convex::ConvexValue::Array messages(int limit);
    // authorId: the writer's WorkOS user id (the token's subject), for the name.
    QString insertMessage(const QString &author, const QString &body, const QString &userId,
                          const QString &authorId);

    // The WorkOS users table that @convex-dev/workos-authkit keeps in sync from WorkOS events
    // (lib/emulator/README.md, "Convex deployment"): keyed by the WorkOS user id.
    // data is the user object as the WorkOS API returns it (id, email, first_name, last_name, …).
    void upsertWorkOsUser(const QJsonObject &data);
    void deleteWorkOsUser(const QString &workosUserId);
    // {id, email, firstName?, lastName?, name}; name is "First Last", or the e-mail without them.
    std::optional<convex::ConvexValue> workOsUser(const QString &workosUserId);

private:
    QString newId() const;

    QString m_connectionName;
    QSqlDatabase m_db;
    quint64 m_latestTs = 0;
};

} // namespace authkit::emulator
