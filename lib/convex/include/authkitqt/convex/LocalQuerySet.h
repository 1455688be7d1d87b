#pragma once

#include <authkitqt/convex/ClientMessages.h>
#include <authkitqt/convex/ConvexValue.h>
#include <authkitqt/convex/ServerMessages.h>

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <authkitqt/convex/authkitqt_convex_export.h>

namespace authkit::convex {

/**
 * @brief The client's side of the query set: which queries it holds, who listens to each, and
 * their latest results.
 *
 * The query half of convex-js's LocalSyncState (lib/convex/README.md). Subscribers with the
 * same function and args share one query (one queryId on the server); the query stays in the
 * set while it has at least one subscriber. The set only produces the protocol changes
 * (AddQuery, RemoveQuery); sending them is ConvexClient's job.
 */
class AUTHKITQT_CONVEX_EXPORT LocalQuerySet
{
public:
    /// One query of the set and its latest result.
    struct Query
    {
        quint32 queryId = 0;
        QString udfPath;
        ConvexValue args;
        std::optional<QString> journal;       ///< the last journal the server sent for it
        QList<QObject *> subscribers;         ///< in subscription order; the query's refcount
        bool ready = false;                   ///< a result or an error has arrived
        ConvexValue value;                    ///< the result; null when failed
        std::optional<QString> error;         ///< set when the query failed
        std::optional<ConvexValue> errorData; ///< the ConvexError data of a failure, if any
        QStringList logLines;
    };

    /**
     * The key that identifies a query: the canonical function path and the encoded args.
     * nullopt (and @p error) when the args cannot be sent (not an object, or not a value).
     */
    static std::optional<QString> keyFor(const QString &udfPath, const ConvexValue &args,
                                         QString *error = nullptr);

    /**
     * Adds @p subscriber to the query of @p key, creating the query when it is new.
     * @return the AddQuery to send when the query was created, else nullopt.
     */
    std::optional<protocol::AddQuery> subscribe(const QString &key, const QString &udfPath,
                                                const ConvexValue &args, QObject *subscriber);
    /**
     * Removes @p subscriber from the query of @p key.
     * @return the RemoveQuery to send when it was the last subscriber, else nullopt.
     */
    std::optional<protocol::RemoveQuery> unsubscribe(const QString &key, QObject *subscriber);

    /// The query of @p key, or nullptr when the set does not hold it.
    const Query *find(const QString &key) const;
    /// The number of queries (not subscribers) in the set.
    int size() const { return int(m_queries.size()); }
    /// Every subscriber of every query.
    QList<QObject *> allSubscribers() const;

    /// The whole set as Adds in queryId order, with journals: what a new socket sends first.
    QList<protocol::QuerySetModification> addsForRestart() const;

    /**
     * Stores the results of a Transition. Modifications for queries the set no longer holds
     * are ignored (their Remove is already on its way).
     * @return the keys of the queries whose result changed, in modification order.
     */
    QStringList apply(const QList<protocol::StateModification> &modifications);

private:
    Query *findById(quint32 queryId, QString *key);

    quint32 m_nextQueryId = 0;
    QHash<QString, Query> m_queries; // by key
    QHash<quint32, QString> m_keyById;
};

} // namespace authkit::convex
