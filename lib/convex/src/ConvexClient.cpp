#include <authkitqt/convex/ConvexClient.h>
#include <authkitqt/convex/ConvexQuery.h>

#include "AuthenticationManager_p.h"
#include "ConvexLogging_p.h"

#include <QDateTime>
#include <QJsonDocument>

#include <algorithm>

Q_LOGGING_CATEGORY(lcConvexClient, "authkit.convex.client")

namespace authkit::convex {

namespace {

// Same function and args (keys sorted by ConvexValue) -> same query.
std::optional<QString> queryKey(const QString &udfPath, const ConvexValue &args, QString *error)
{
    const auto encoded = protocol::encodeArgs(args, error);
    if (!encoded)
        return std::nullopt;
    return protocol::canonicalizeUdfPath(udfPath) + QLatin1Char('\n')
           + QString::fromUtf8(QJsonDocument(*encoded).toJson(QJsonDocument::Compact));
}

} // namespace

ConvexClient::ConvexClient(const QUrl &deploymentUrl, QObject *parent)
    : ConvexClient(deploymentUrl, Options(), parent)
{
}

ConvexClient::ConvexClient(const QUrl &deploymentUrl, const Options &options, QObject *parent)
    : QObject(parent)
    , m_socket(new WebSocketManager(deploymentUrl, options.socket, this))
    , m_auth(std::make_unique<AuthenticationManager>(this, options.authRefreshTokenLeewaySecs))
    , m_sessionId(protocol::Connect::newSessionId())
{
    connect(m_socket, &WebSocketManager::opened, this, &ConvexClient::onOpened);
    connect(m_socket, &WebSocketManager::closed, this, &ConvexClient::onClosed);
    connect(m_socket, &WebSocketManager::messageReceived, this, &ConvexClient::onMessage);
    m_socket->start();
}

ConvexClient::~ConvexClient()
{
    for (const QueryEntry &entry : std::as_const(m_queries)) {
        for (ConvexQuery *handle : entry.handles)
            handle->m_client = nullptr;
    }
    m_auth->stop();
    m_socket->disconnect(this);
}

ConvexQuery *ConvexClient::subscribe(const QString &udfPath, const ConvexValue &args,
                                     QObject *parent)
{
    QString error;
    const auto key = queryKey(udfPath, args, &error);
    auto *handle = new ConvexQuery(this, key.value_or(QString()), udfPath, args, parent);
    if (!key) {
        handle->m_client = nullptr;
        handle->setError(error, std::nullopt, {});
        return handle;
    }
    auto it = m_queries.find(*key);
    if (it == m_queries.end()) {
        QueryEntry entry;
        entry.queryId = m_nextQueryId++;
        entry.udfPath = udfPath;
        entry.args = args;
        it = m_queries.insert(*key, entry);
        m_keyById.insert(entry.queryId, *key);
        protocol::AddQuery add;
        add.queryId = entry.queryId;
        add.udfPath = udfPath;
        add.args = args;
        sendQuerySetChange({add});
    } else if (it->ready) {
        if (it->error)
            handle->setError(*it->error, it->errorData, it->logLines);
        else
            handle->setResult(it->value, it->logLines);
    }
    it->handles.append(handle);
    return handle;
}

void ConvexClient::release(ConvexQuery *handle)
{
    auto it = m_queries.find(handle->m_key);
    if (it == m_queries.end())
        return;
    it->handles.removeAll(handle);
    if (!it->handles.isEmpty())
        return;
    const quint32 queryId = it->queryId;
    m_keyById.remove(queryId);
    m_queries.erase(it);
    sendQuerySetChange({protocol::RemoveQuery{queryId}});
}

void ConvexClient::sendQuerySetChange(const QList<protocol::QuerySetModification> &modifications)
{
    if (!m_open || m_closed)
        return; // the next open sends the whole set
    if (m_paused) {
        m_pendingModifications.append(modifications);
        return;
    }
    protocol::ModifyQuerySet message;
    message.baseVersion = m_querySetVersion;
    message.newVersion = ++m_querySetVersion;
    message.modifications = modifications;
    send(message);
}

quint32 ConvexClient::mutation(const QString &udfPath, const ConvexValue &args,
                               ConvexResultCallback done)
{
    return request(Request::Kind::Mutation, udfPath, args, std::move(done));
}

quint32 ConvexClient::action(const QString &udfPath, const ConvexValue &args,
                             ConvexResultCallback done)
{
    return request(Request::Kind::Action, udfPath, args, std::move(done));
}

quint32 ConvexClient::request(Request::Kind kind, const QString &udfPath, const ConvexValue &args,
                              ConvexResultCallback done)
{
    if (m_closed) {
        if (done)
            done(ConvexResult::failure(m_fatalError.isEmpty()
                                           ? QStringLiteral("ConvexClient has been closed")
                                           : m_fatalError));
        return 0;
    }
    const quint32 requestId = ++m_nextRequestId;
    QString error;
    std::optional<QByteArray> frame;
    if (kind == Request::Kind::Mutation)
        frame = protocol::serialize(protocol::Mutation{requestId, udfPath, args, std::nullopt}, &error);
    else
        frame = protocol::serialize(protocol::Action{requestId, udfPath, args, std::nullopt}, &error);
    if (!frame) {
        if (done)
            done(ConvexResult::failure(error));
        return 0;
    }
    Request request;
    request.kind = kind;
    request.frame = *frame;
    request.done = std::move(done);
    if (canSend() && m_socket->send(request.frame))
        request.status = Request::Status::Requested;
    m_requests.insert(requestId, request);
    return requestId;
}

void ConvexClient::setAuth(TokenFetcher fetchToken, std::function<void(bool)> onChange,
                           std::function<void(bool)> onRefreshChange)
{
    if (m_closed)
        return;
    m_auth->setConfig(std::move(fetchToken), std::move(onChange), std::move(onRefreshChange));
}

void ConvexClient::clearAuth()
{
    // Unlike convex-js (#63), a scheduled refetch must not sign the user back in later.
    m_auth->stop();
    m_lastAuthError.clear();
    clearAuthToken(true);
}

qint64 ConvexClient::msUntilAuthRefetch() const
{
    return m_auth->msUntilScheduledRefetch();
}

void ConvexClient::close()
{
    if (m_closed)
        return;
    m_auth->stop();
    m_closed = true;
    m_socket->terminate();
    failAll(QStringLiteral("ConvexClient has been closed"));
}

bool ConvexClient::send(const protocol::ClientMessage &message)
{
    QString error;
    const auto frame = protocol::serialize(message, &error);
    if (!frame) {
        qCWarning(lcConvexClient) << "cannot encode" << protocol::messageType(message) << error;
        return false;
    }
    return m_socket->send(*frame);
}

void ConvexClient::onOpened(quint32 connectionCount, const std::optional<QString> &lastCloseReason)
{
    if (m_closed)
        return;
    // docs/convex-protocol.md#connect: Connect, Authenticate (with a token), query set, requests.
    protocol::Connect connectMessage;
    connectMessage.sessionId = m_sessionId;
    connectMessage.connectionCount = connectionCount;
    connectMessage.lastCloseReason = lastCloseReason;
    connectMessage.maxObservedTimestamp = m_maxObservedTs;
    connectMessage.clientTs = QDateTime::currentMSecsSinceEpoch();
    m_open = true;
    m_remoteVersion = StateVersion();
    m_pendingModifications.clear();
    m_authDirty = false;
    send(connectMessage);
    if (m_authToken) {
        send(protocol::Authenticate::user(*m_authToken, 0));
        m_identityVersion = 1;
    } else {
        m_identityVersion = 0;
    }
    protocol::ModifyQuerySet querySet;
    querySet.baseVersion = 0;
    querySet.newVersion = 1;
    // queryId order, so the server sees them as they were created.
    QList<quint32> ids = m_keyById.keys();
    std::sort(ids.begin(), ids.end());
    for (quint32 id : std::as_const(ids)) {
        const QueryEntry &entry = m_queries.value(m_keyById.value(id));
        protocol::AddQuery add;
        add.queryId = entry.queryId;
        add.udfPath = entry.udfPath;
        add.args = entry.args;
        add.journal = entry.journal;
        querySet.modifications.append(add);
    }
    m_querySetVersion = 1;
    send(querySet); // even when empty
    // Mutations in flight again (same requestId: the server deduplicates), then what waited.
    for (auto it = m_requests.begin(); it != m_requests.end(); ++it) {
        if (it->status == Request::Status::Requested || it->status == Request::Status::NotSent) {
            if (m_socket->send(it->frame))
                it->status = Request::Status::Requested;
        }
    }
    qCDebug(lcConvexClient) << "connected; connectionCount" << connectionCount;
    Q_EMIT connectedChanged(true);
}

void ConvexClient::onClosed(const QString &reason)
{
    const bool wasOpen = std::exchange(m_open, false);
    m_remoteVersion = StateVersion();
    m_querySetVersion = 0;
    m_pendingModifications.clear();
    // Actions are not idempotent: one the server may have run is failed, not resent.
    QList<quint32> failed;
    for (auto it = m_requests.begin(); it != m_requests.end(); ++it) {
        if (it->kind == Request::Kind::Action && it->status == Request::Status::Requested)
            failed.append(it.key());
    }
    for (quint32 id : std::as_const(failed)) {
        const Request request = m_requests.take(id);
        if (request.done)
            request.done(ConvexResult::failure(
                QStringLiteral("Connection lost while action was in flight")));
    }
    qCDebug(lcConvexClient) << "disconnected:" << reason;
    if (wasOpen)
        Q_EMIT connectedChanged(false);
}

void ConvexClient::onMessage(const protocol::ServerMessage &message)
{
    if (m_closed)
        return;
    if (const auto *transition = std::get_if<protocol::Transition>(&message))
        onTransition(*transition);
    else if (const auto *mutation = std::get_if<protocol::MutationResponse>(&message))
        onMutationResponse(*mutation);
    else if (const auto *action = std::get_if<protocol::ActionResponse>(&message))
        onActionResponse(*action);
    else if (const auto *authError = std::get_if<protocol::AuthError>(&message))
        m_auth->onAuthError(*authError);
    else if (const auto *fatal = std::get_if<protocol::FatalError>(&message))
        onFatalError(fatal->error);
    // Ping: the socket manager has already reset its inactivity timer.
}

void ConvexClient::onTransition(const protocol::Transition &transition)
{
    if (transition.startVersion != m_remoteVersion) {
        // The chain is broken: what we hold cannot be patched any more. Start over.
        qCWarning(lcConvexClient) << "Invalid start version:" << transition.startVersion
                                  << "held:" << m_remoteVersion;
        m_socket->reconnectAfterProtocolError(QStringLiteral("InvalidStartVersion"));
        return;
    }
    QStringList touched; // keys, not pointers: a slot may subscribe and rehash
    for (const protocol::StateModification &modification : transition.modifications) {
        if (const auto *updated = std::get_if<protocol::QueryUpdated>(&modification)) {
            auto it = m_queries.find(m_keyById.value(updated->queryId));
            if (it == m_queries.end() || !m_keyById.contains(updated->queryId))
                continue;
            it->ready = true;
            it->value = updated->value;
            it->error.reset();
            it->errorData.reset();
            it->logLines = updated->logLines;
            it->journal = updated->journal;
            touched.append(m_keyById.value(updated->queryId));
        } else if (const auto *failedQuery = std::get_if<protocol::QueryFailed>(&modification)) {
            auto it = m_queries.find(m_keyById.value(failedQuery->queryId));
            if (it == m_queries.end() || !m_keyById.contains(failedQuery->queryId))
                continue;
            it->ready = true;
            it->value = ConvexValue();
            it->error = failedQuery->errorMessage;
            it->errorData = failedQuery->errorData;
            it->logLines = failedQuery->logLines;
            it->journal = failedQuery->journal;
            touched.append(m_keyById.value(failedQuery->queryId));
        }
        // QueryRemoved: the entry is already gone on our side.
    }
    m_remoteVersion = transition.endVersion;
    observeTs(transition.endVersion.ts);
    m_auth->onTransition(transition);
    if (m_remoteVersion.querySet >= m_querySetVersion
        && m_remoteVersion.identity >= m_identityVersion) {
        m_socket->resetBackoff(); // everything from before the restart is confirmed again
    }
    // Handles may unsubscribe from their slots: work on copies.
    for (const QString &key : std::as_const(touched)) {
        const auto it = m_queries.constFind(key);
        if (it == m_queries.cend())
            continue; // unsubscribed by an earlier slot
        const QueryEntry snapshot = *it;
        for (const QPointer<ConvexQuery> &handle :
             QList<QPointer<ConvexQuery>>(snapshot.handles.begin(), snapshot.handles.end())) {
            if (!handle)
                continue;
            if (snapshot.error)
                handle->setError(*snapshot.error, snapshot.errorData, snapshot.logLines);
            else
                handle->setResult(snapshot.value, snapshot.logLines);
        }
    }
    Q_EMIT transitionApplied(m_remoteVersion);
    resolveCompletedMutations();
}

void ConvexClient::onMutationResponse(const protocol::MutationResponse &response)
{
    auto it = m_requests.find(response.requestId);
    if (it == m_requests.end() || it->kind != Request::Kind::Mutation
        || it->status == Request::Status::Completed) {
        return;
    }
    ConvexResult result;
    result.success = response.success;
    result.value = response.result;
    result.errorMessage = response.errorMessage;
    result.errorData = response.errorData;
    result.logLines = response.logLines;
    if (!response.success || !response.ts) {
        const Request request = m_requests.take(response.requestId);
        if (request.done)
            request.done(result);
        return;
    }
    // Read-your-writes: done only once a Transition at or past the commit ts is applied.
    it->status = Request::Status::Completed;
    it->ts = *response.ts;
    it->result = result;
    observeTs(*response.ts);
    resolveCompletedMutations();
}

void ConvexClient::onActionResponse(const protocol::ActionResponse &response)
{
    auto it = m_requests.find(response.requestId);
    if (it == m_requests.end() || it->kind != Request::Kind::Action)
        return;
    const Request request = m_requests.take(response.requestId);
    ConvexResult result;
    result.success = response.success;
    result.value = response.result;
    result.errorMessage = response.errorMessage;
    result.errorData = response.errorData;
    result.logLines = response.logLines;
    if (request.done)
        request.done(result);
}

void ConvexClient::onFatalError(const QString &message)
{
    qCWarning(lcConvexClient) << "fatal error from the server:" << message;
    m_fatalError = message;
    m_auth->stop();
    m_closed = true;
    m_socket->terminate();
    failAll(message);
    Q_EMIT fatalError(message);
}

void ConvexClient::resolveCompletedMutations()
{
    // A remote version of 0 is a new socket that has not reached any snapshot yet.
    if (m_remoteVersion == StateVersion())
        return;
    QList<quint32> ready;
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it) {
        if (it->status == Request::Status::Completed && it->ts <= m_remoteVersion.ts)
            ready.append(it.key());
    }
    for (quint32 id : std::as_const(ready)) {
        const Request request = m_requests.take(id);
        if (request.done)
            request.done(request.result);
    }
}

void ConvexClient::observeTs(quint64 ts)
{
    if (!m_maxObservedTs || ts > *m_maxObservedTs)
        m_maxObservedTs = ts;
}

void ConvexClient::failAll(const QString &message)
{
    const auto requests = std::exchange(m_requests, {});
    for (const Request &request : requests) {
        if (request.done)
            request.done(ConvexResult::failure(message));
    }
}

void ConvexClient::pause()
{
    m_paused = true;
    m_socket->pause();
}

void ConvexClient::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    if (m_socket->resume() || !m_open)
        return; // a postponed open ran onOpened, or the next open will
    // docs/convex-protocol.md#pausing: Authenticate, changes made while paused, waiting requests.
    if (std::exchange(m_authDirty, false)) {
        if (m_authToken)
            send(protocol::Authenticate::user(*m_authToken, m_identityVersion++));
        else
            send(protocol::Authenticate::none(m_identityVersion++));
    }
    const auto modifications = std::exchange(m_pendingModifications, {});
    if (!modifications.isEmpty())
        sendQuerySetChange(modifications);
    for (auto it = m_requests.begin(); it != m_requests.end(); ++it) {
        if (it->status == Request::Status::NotSent && m_socket->send(it->frame))
            it->status = Request::Status::Requested;
    }
}

void ConvexClient::setAuthToken(const QString &token)
{
    m_authToken = token;
    if (canSend())
        send(protocol::Authenticate::user(token, m_identityVersion++));
    else if (m_open && m_paused)
        m_authDirty = true;
    // Not open: the next open sends it with baseVersion 0.
}

void ConvexClient::clearAuthToken(bool sendLogout)
{
    const bool had = m_authToken.has_value();
    m_authToken.reset();
    if (!sendLogout || !had)
        return;
    if (canSend())
        send(protocol::Authenticate::none(m_identityVersion++));
    else if (m_open && m_paused)
        m_authDirty = true;
}

} // namespace authkit::convex
