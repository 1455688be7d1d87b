#include <authkitqt/convex/LocalQuerySet.h>

#include <QJsonDocument>

#include <algorithm>

namespace authkit::convex {

std::optional<QString> LocalQuerySet::keyFor(const QString &udfPath, const ConvexValue &args,
                                             QString *error)
{
    // Same function and args (keys sorted by ConvexValue) -> same query.
    const auto encoded = protocol::encodeArgs(args, error);
    if (!encoded)
        return std::nullopt;
    return protocol::canonicalizeUdfPath(udfPath) + QLatin1Char('\n')
           + QString::fromUtf8(QJsonDocument(*encoded).toJson(QJsonDocument::Compact));
}

std::optional<protocol::AddQuery> LocalQuerySet::subscribe(const QString &key,
                                                           const QString &udfPath,
                                                           const ConvexValue &args,
                                                           QObject *subscriber)
{
    auto it = m_queries.find(key);
    if (it != m_queries.end()) {
        it->subscribers.append(subscriber);
        return std::nullopt;
    }
    Query query;
    query.queryId = m_nextQueryId++;
    query.udfPath = udfPath;
    query.args = args;
    query.subscribers.append(subscriber);
    m_queries.insert(key, query);
    m_keyById.insert(query.queryId, key);
    protocol::AddQuery add;
    add.queryId = query.queryId;
    add.udfPath = udfPath;
    add.args = args;
    return add;
}

std::optional<protocol::RemoveQuery> LocalQuerySet::unsubscribe(const QString &key,
                                                                QObject *subscriber)
{
    auto it = m_queries.find(key);
    if (it == m_queries.end())
        return std::nullopt;
    it->subscribers.removeAll(subscriber);
    if (!it->subscribers.isEmpty())
        return std::nullopt;
    const quint32 queryId = it->queryId;
    m_keyById.remove(queryId);
    m_queries.erase(it);
    return protocol::RemoveQuery{queryId};
}

const LocalQuerySet::Query *LocalQuerySet::find(const QString &key) const
{
    const auto it = m_queries.constFind(key);
    return it == m_queries.cend() ? nullptr : &*it;
}

QList<QObject *> LocalQuerySet::allSubscribers() const
{
    QList<QObject *> subscribers;
    for (const Query &query : m_queries)
        subscribers.append(query.subscribers);
    return subscribers;
}

QList<protocol::QuerySetModification> LocalQuerySet::addsForRestart() const
{
    // queryId order, so the server sees them as they were created.
    QList<quint32> ids = m_keyById.keys();
    std::sort(ids.begin(), ids.end());
    QList<protocol::QuerySetModification> adds;
    for (quint32 id : std::as_const(ids)) {
        const Query &query = m_queries.find(m_keyById.value(id)).value();
        protocol::AddQuery add;
        add.queryId = query.queryId;
        add.udfPath = query.udfPath;
        add.args = query.args;
        add.journal = query.journal;
        adds.append(add);
    }
    return adds;
}

LocalQuerySet::Query *LocalQuerySet::findById(quint32 queryId, QString *key)
{
    const auto keyIt = m_keyById.constFind(queryId);
    if (keyIt == m_keyById.cend())
        return nullptr;
    const auto it = m_queries.find(*keyIt);
    if (it == m_queries.end())
        return nullptr;
    *key = *keyIt;
    return &*it;
}

QStringList LocalQuerySet::apply(const QList<protocol::StateModification> &modifications)
{
    QStringList touched; // keys, not pointers: a subscriber may subscribe and rehash later
    for (const protocol::StateModification &modification : modifications) {
        QString key;
        if (const auto *updated = std::get_if<protocol::QueryUpdated>(&modification)) {
            Query *query = findById(updated->queryId, &key);
            if (!query)
                continue;
            query->ready = true;
            query->value = updated->value;
            query->error.reset();
            query->errorData.reset();
            query->logLines = updated->logLines;
            query->journal = updated->journal;
            touched.append(key);
        } else if (const auto *failed = std::get_if<protocol::QueryFailed>(&modification)) {
            Query *query = findById(failed->queryId, &key);
            if (!query)
                continue;
            query->ready = true;
            query->value = ConvexValue();
            query->error = failed->errorMessage;
            query->errorData = failed->errorData;
            query->logLines = failed->logLines;
            query->journal = failed->journal;
            touched.append(key);
        }
        // QueryRemoved: the query is already gone on our side.
    }
    return touched;
}

} // namespace authkit::convex
