#include <authkitqt/convex/ConvexClient.h>
#include <authkitqt/convex/ConvexQuery.h>

#include "AuthenticationManager_p.h"
#include "ConvexLogging_p.h"

#include <QDateTime>

#include <QPointer>

#include <utility>

Q_LOGGING_CATEGORY(lcConvexClient, "authkit.convex.client")

namespace authkit::convex {

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
    // From the event loop: opening the first QWebSocket costs tens of milliseconds, which an
    // app building its window would otherwise spend before its first paint.
    QMetaObject::invokeMethod(m_socket, &WebSocketManager::start, Qt::QueuedConnection);
}

ConvexClient::~ConvexClient()
{
    for (QObject *subscriber : m_querySet.allSubscribers())
        static_cast<ConvexQuery *>(subscriber)->m_client = nullptr;
    m_auth->stop();
    m_socket->disconnect(this);
}

ConvexQuery *ConvexClient::subscribe(const QString &udfPath, const ConvexValue &args,
                                     QObject *parent)
{
    QString error;
    const auto key = LocalQuerySet::keyFor(udfPath, args, &error);
    auto *handle = new ConvexQuery(this, key.value_or(QString()), udfPath, args, parent);
    if (!key) {
        handle->m_client = nullptr;
        handle->setError(error, std::nullopt, {});
        return handle;
    }
    if (const auto add = m_querySet.subscribe(*key, udfPath, args, handle)) {
        sendQuerySetChange({*add});
    } else if (const LocalQuerySet::Query *query = m_querySet.find(*key); query->ready) {
        if (query->error)
            handle->setError(*query->error, query->errorData, query->logLines);
        else
            handle->setResult(query->value, query->logLines);
    }
    return handle;
}

void ConvexClient::release(ConvexQuery *handle)
{
    if (const auto remove = m_querySet.unsubscribe(handle->m_key, handle))
        sendQuerySetChange({*remove});
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
    return request(RequestManager::Kind::Mutation, udfPath, args, std::move(done));
}

quint32 ConvexClient::action(const QString &udfPath, const ConvexValue &args,
                             ConvexResultCallback done)
{
    return request(RequestManager::Kind::Action, udfPath, args, std::move(done));
}

quint32 ConvexClient::request(RequestManager::Kind kind, const QString &udfPath,
                              const ConvexValue &args, ConvexResultCallback done)
{
    if (m_closed) {
        if (done)
            done(ConvexResult::failure(m_fatalError.isEmpty()
                                           ? QStringLiteral("ConvexClient has been closed")
                                           : m_fatalError));
        return 0;
    }
    const quint32 requestId = m_requests.nextRequestId();
    QString error;
    std::optional<QByteArray> frame;
    if (kind == RequestManager::Kind::Mutation)
        frame =
            protocol::serialize(protocol::Mutation{requestId, udfPath, args, std::nullopt}, &error);
    else
        frame =
            protocol::serialize(protocol::Action{requestId, udfPath, args, std::nullopt}, &error);
    if (!frame) {
        if (done)
            done(ConvexResult::failure(error));
        return 0;
    }
    const bool sent = canSend() && m_socket->send(*frame);
    m_requests.add(requestId, kind, *frame, sent, std::move(done));
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
    m_requests.failAll(QStringLiteral("ConvexClient has been closed"));
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
    // As convex-js on open: Connect, Authenticate (if a token is held), the whole query set, the
    // requests.
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
    querySet.modifications = m_querySet.addsForRestart();
    m_querySetVersion = 1;
    send(querySet); // even when empty
    // Mutations in flight again (same requestId: the server deduplicates), then what waited.
    m_requests.resendAll([this](const QByteArray &frame) { return m_socket->send(frame); });
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
    m_requests.failActionsInFlight(QStringLiteral("Connection lost while action was in flight"));
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
    const QStringList touched = m_querySet.apply(transition.modifications);
    m_remoteVersion = transition.endVersion;
    observeTs(transition.endVersion.ts);
    m_auth->onTransition(transition);
    if (m_remoteVersion.querySet >= m_querySetVersion
        && m_remoteVersion.identity >= m_identityVersion) {
        m_socket->resetBackoff(); // everything from before the restart is confirmed again
    }
    // Handles may unsubscribe from their slots: work on copies.
    for (const QString &key : std::as_const(touched)) {
        const LocalQuerySet::Query *query = m_querySet.find(key);
        if (!query)
            continue; // unsubscribed by an earlier slot
        const LocalQuerySet::Query snapshot = *query;
        QList<QPointer<ConvexQuery>> handles;
        for (QObject *subscriber : snapshot.subscribers)
            handles.append(static_cast<ConvexQuery *>(subscriber));
        for (const QPointer<ConvexQuery> &handle : std::as_const(handles)) {
            if (!handle)
                continue;
            if (snapshot.error)
                handle->setError(*snapshot.error, snapshot.errorData, snapshot.logLines);
            else
                handle->setResult(snapshot.value, snapshot.logLines);
        }
    }
    Q_EMIT transitionApplied(m_remoteVersion);
    m_requests.resolveCompleted(m_remoteVersion);
}

void ConvexClient::onMutationResponse(const protocol::MutationResponse &response)
{
    // Read-your-writes: a committed mutation is done only once a Transition reaches its ts.
    if (const auto committedTs = m_requests.onMutationResponse(response)) {
        observeTs(*committedTs);
        m_requests.resolveCompleted(m_remoteVersion);
    }
}

void ConvexClient::onActionResponse(const protocol::ActionResponse &response)
{
    m_requests.onActionResponse(response);
}

void ConvexClient::onFatalError(const QString &message)
{
    qCWarning(lcConvexClient) << "fatal error from the server:" << message;
    m_fatalError = message;
    m_auth->stop();
    m_closed = true;
    m_socket->terminate();
    m_requests.failAll(message);
    Q_EMIT fatalError(message);
}

void ConvexClient::observeTs(quint64 ts)
{
    if (!m_maxObservedTs || ts > *m_maxObservedTs)
        m_maxObservedTs = ts;
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
    // As convex-js on resume: Authenticate, the changes made while paused, then the requests that
    // waited.
    if (std::exchange(m_authDirty, false)) {
        if (m_authToken)
            send(protocol::Authenticate::user(*m_authToken, m_identityVersion++));
        else
            send(protocol::Authenticate::none(m_identityVersion++));
    }
    const auto modifications = std::exchange(m_pendingModifications, {});
    if (!modifications.isEmpty())
        sendQuerySetChange(modifications);
    m_requests.sendUnsent([this](const QByteArray &frame) { return m_socket->send(frame); });
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
