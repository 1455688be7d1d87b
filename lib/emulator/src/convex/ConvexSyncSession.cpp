#include "ConvexSyncSession_p.h"

#include "ConvexDeploymentServer_p.h"
#include "EmulatorLog_p.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QPointer>
#include <QWebSocket>

namespace authkit::emulator {

using namespace convex::protocol;
using convex::ConvexValue;

namespace {
constexpr int kMaxBacklog = 1000;

qint64 nowNanos()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000000;
}

// What a query result looks like to the client, to tell whether it changed.
QByteArray resultKey(const ConvexFunctionResult &result)
{
    QJsonObject key{{QStringLiteral("ok"), result.success}};
    if (result.success)
        key.insert(QStringLiteral("value"), result.value.toJson().value_or(QJsonValue()));
    else
        key.insert(QStringLiteral("error"), result.errorMessage);
    return QJsonDocument(key).toJson(QJsonDocument::Compact);
}
} // namespace

ConvexSyncSession::ConvexSyncSession(std::unique_ptr<QWebSocket> socket,
                                     ConvexDeploymentServer &deployment, QObject *parent)
    : QObject(parent)
    , m_socket(std::move(socket))
    , m_deployment(deployment)
{
    m_heartbeat.setSingleShot(true);
    m_heartbeat.setInterval(m_deployment.heartbeatMs());
    connect(&m_heartbeat, &QTimer::timeout, this, [this] { send(Ping{}); });
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, [this] {
        if (identityExpired())
            authFailed(QStringLiteral("Convex token identity expired"), false);
        else
            armExpiryTimer();
    });

    const QString path = m_socket->requestUrl().path();
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &ConvexSyncSession::receive);
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, [this] {
        fatal(QStringLiteral("Received Invalid JSON on websocket: binary frames are not used"));
    });
    connect(m_socket.get(), &QWebSocket::disconnected, this, &QObject::deleteLater);
    qCInfo(lcEmulator).noquote() << "convex: sync socket opened on" << path;
    m_heartbeat.start();
}

ConvexSyncSession::~ConvexSyncSession()
{
    // The socket's signals must not reach a half-destroyed session.
    if (m_socket)
        m_socket->disconnect(this);
}

void ConvexSyncSession::tablesChanged(const QSet<QString> &tables)
{
    for (const Query &query : std::as_const(m_queries)) {
        if (query.readTables.intersects(tables)) {
            scheduleUpdate(false);
            return;
        }
    }
}

void ConvexSyncSession::receive(const QString &text)
{
    if (m_closing)
        return;
    if (m_awaitingKeys) {
        if (m_backlog.size() >= kMaxBacklog) {
            fatal(QStringLiteral("Too many messages while authenticating"));
            return;
        }
        m_backlog.append(text);
        return;
    }
    process(text);
}

void ConvexSyncSession::process(const QString &text)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (!document.isObject()) {
        fatal(QStringLiteral("Received Invalid JSON on websocket: %1")
                  .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                    : QStringLiteral("not an object")));
        return;
    }
    QString error;
    const std::optional<ClientMessage> message = parseClientMessage(document.object(), &error);
    if (!message) {
        fatal(QStringLiteral("Received Invalid JSON on websocket: %1").arg(error));
        return;
    }
    std::visit([this](const auto &m) { handle(m); }, *message);
}

void ConvexSyncSession::handle(const Connect &message)
{
    m_sessionId = message.sessionId;
    if (message.clientTs)
        m_clockSkewMs = *message.clientTs - QDateTime::currentMSecsSinceEpoch();
    if (message.maxObservedTimestamp && *message.maxObservedTimestamp > m_deployment.database().latestTs()) {
        qCWarning(lcEmulator) << "convex: the client has seen a timestamp ahead of the backend";
        closeWith(1011, QStringLiteral("InternalServerError"));
    }
    // The server does not answer Connect.
}

void ConvexSyncSession::handle(const ModifyQuerySet &message)
{
    if (message.baseVersion != m_receivedQuerySet) {
        fatal(QStringLiteral("Base version %1 passed up doesn't match the current version %2")
                  .arg(message.baseVersion)
                  .arg(m_receivedQuerySet));
        return;
    }
    if (message.newVersion <= message.baseVersion) {
        fatal(QStringLiteral("New version %1 is not greater than base version %2")
                  .arg(message.newVersion)
                  .arg(message.baseVersion));
        return;
    }
    for (const QuerySetModification &modification : message.modifications) {
        if (const auto *add = std::get_if<AddQuery>(&modification)) {
            if (m_queries.contains(add->queryId)) {
                closeWith(1011, QStringLiteral("InternalServerError"));
                return;
            }
            m_queries.insert(add->queryId, Query{add->udfPath, add->args, {}, {}});
            m_removed.removeAll(add->queryId);
        } else if (const auto *remove = std::get_if<RemoveQuery>(&modification)) {
            if (m_queries.remove(remove->queryId) > 0)
                m_removed.append(remove->queryId);
        }
    }
    m_receivedQuerySet = message.newVersion;
    scheduleUpdate(true);
}

void ConvexSyncSession::handle(const Mutation &message)
{
    // Functions never run under an expired identity (no leeway here).
    if (identityExpired()) {
        authFailed(QStringLiteral("Convex token identity expired"), false);
        return;
    }
    // A replay after a reconnect: the first answer again, nothing applied twice.
    if (!m_sessionId.isEmpty()) {
        if (const auto answer = m_deployment.mutationAnswer(m_sessionId, message.requestId)) {
            sendRaw(*answer);
            scheduleUpdate(true);
            return;
        }
    }
    const ConvexFunctionResult result = m_deployment.functions().run(
        ConvexFunctions::Kind::Mutation, message.udfPath, message.args, m_identity);
    MutationResponse response;
    response.requestId = message.requestId;
    response.success = result.success;
    response.logLines = result.logLines;
    if (result.success) {
        response.result = result.value;
        response.ts = result.ts != 0 ? result.ts : m_deployment.database().latestTs();
    } else {
        response.errorMessage = result.errorMessage;
        response.errorData = result.errorData;
    }
    QString error;
    const std::optional<QByteArray> frame = serialize(ServerMessage(response), &error);
    if (!frame) {
        closeWith(1011, QStringLiteral("InternalServerError"));
        return;
    }
    if (!m_sessionId.isEmpty())
        m_deployment.rememberMutationAnswer(m_sessionId, message.requestId, *frame);
    sendRaw(*frame);
    if (!result.writtenTables.isEmpty())
        m_deployment.notifyCommitted(result.writtenTables);
    // Read-your-writes: the next Transition reaches at least the mutation's ts.
    scheduleUpdate(true);
}

void ConvexSyncSession::handle(const Action &message)
{
    if (identityExpired()) {
        authFailed(QStringLiteral("Convex token identity expired"), false);
        return;
    }
    const ConvexFunctionResult result = m_deployment.functions().run(
        ConvexFunctions::Kind::Action, message.udfPath, message.args, m_identity);
    ActionResponse response;
    response.requestId = message.requestId;
    response.success = result.success;
    response.logLines = result.logLines;
    if (result.success)
        response.result = result.value;
    else
        response.errorMessage = result.errorMessage;
    response.errorData = result.errorData;
    send(response);
    if (!result.writtenTables.isEmpty())
        m_deployment.notifyCommitted(result.writtenTables);
    scheduleUpdate(true);
}

void ConvexSyncSession::handle(const Authenticate &message)
{
    // A plain error in the backend: the socket closes with 1011 and the client reconnects.
    if (message.baseVersion != m_receivedIdentity) {
        qCWarning(lcEmulator).noquote()
            << QStringLiteral("convex: Authenticate base version %1 does not match %2")
                   .arg(message.baseVersion)
                   .arg(m_receivedIdentity);
        closeWith(1011, QStringLiteral("InternalServerError"));
        return;
    }
    switch (message.tokenType) {
    case Authenticate::TokenType::None:
        m_identity.reset();
        m_expiry.stop();
        break;
    case Authenticate::TokenType::Admin:
        authFailed(QStringLiteral("The provided admin key was invalid for this instance"), true);
        return;
    case Authenticate::TokenType::User: {
        // The key set may have to be fetched first; the session reads on afterwards.
        m_awaitingKeys = true;
        m_deployment.validator().prepare(
            message.value, [guard = QPointer<ConvexSyncSession>(this), token = message.value] {
                if (!guard)
                    return;
                guard->authenticated(guard->m_deployment.validator().check(
                    token, guard->m_deployment.nowSecs()));
            });
        return;
    }
    }
    ++m_receivedIdentity;
    m_identityChanged = true;
    scheduleUpdate(true);
}

void ConvexSyncSession::authenticated(const ConvexTokenCheck &check)
{
    m_awaitingKeys = false;
    if (!check.identity) {
        authFailed(check.message, true);
        m_backlog.clear();
        return;
    }
    m_identity = check.identity;
    armExpiryTimer();
    ++m_receivedIdentity;
    m_identityChanged = true;
    scheduleUpdate(true);
    while (!m_awaitingKeys && !m_closing && !m_backlog.isEmpty())
        process(m_backlog.takeFirst());
}

void ConvexSyncSession::scheduleUpdate(bool forceTransition)
{
    m_forceTransition = m_forceTransition || forceTransition;
    if (m_updateScheduled)
        return;
    m_updateScheduled = true;
    // Messages that arrive meanwhile go into the same Transition, as in the sync worker.
    QMetaObject::invokeMethod(this, &ConvexSyncSession::update, Qt::QueuedConnection);
}

void ConvexSyncSession::update()
{
    m_updateScheduled = false;
    if (m_closing)
        return;
    if (identityExpired()) {
        authFailed(QStringLiteral("Convex token identity expired"), false);
        return;
    }
    // A new identity re-runs everything, even for the same user (CX-737 in the backend).
    if (m_identityChanged) {
        for (Query &query : m_queries)
            query.lastResult.clear();
        m_identityChanged = false;
    }
    Transition transition;
    for (const quint32 queryId : std::as_const(m_removed))
        transition.modifications.append(QueryRemoved{queryId});
    m_removed.clear();
    for (auto it = m_queries.begin(); it != m_queries.end(); ++it) {
        Query &query = it.value();
        const ConvexFunctionResult result = m_deployment.functions().run(
            ConvexFunctions::Kind::Query, query.udfPath, query.args, m_identity);
        query.readTables = result.readTables;
        const QByteArray key = resultKey(result);
        if (key == query.lastResult)
            continue; // only changed results travel
        query.lastResult = key;
        if (result.success) {
            transition.modifications.append(
                QueryUpdated{it.key(), result.value, result.logLines, std::nullopt});
        } else {
            transition.modifications.append(QueryFailed{it.key(), result.errorMessage,
                                                        result.logLines, std::nullopt,
                                                        result.errorData});
        }
    }
    transition.startVersion = m_current;
    transition.endVersion = {m_receivedQuerySet, m_receivedIdentity,
                             qMax(m_current.ts, m_deployment.database().latestTs())};
    if (!m_forceTransition && transition.modifications.isEmpty()
        && transition.endVersion == m_current) {
        return;
    }
    m_forceTransition = false;
    transition.clientClockSkew = m_clockSkewMs;
    transition.serverTs = nowNanos();
    m_current = transition.endVersion;
    send(transition);
}

bool ConvexSyncSession::identityExpired() const
{
    return m_identity && m_deployment.nowSecs() >= m_identity->expiresAt;
}

void ConvexSyncSession::armExpiryTimer()
{
    if (!m_identity)
        return;
    const qint64 left = m_identity->expiresAt - m_deployment.nowSecs();
    m_expiry.start(int(qBound(qint64(0), left, qint64(86400)) * 1000 + 50));
}

void ConvexSyncSession::send(const ServerMessage &message)
{
    QString error;
    const std::optional<QByteArray> frame = serialize(message, &error);
    if (!frame) {
        qCWarning(lcEmulator).noquote() << "convex: cannot encode" << messageType(message) << error;
        closeWith(1011, QStringLiteral("InternalServerError"));
        return;
    }
    sendRaw(*frame);
}

void ConvexSyncSession::sendRaw(const QByteArray &frame)
{
    if (m_closing)
        return;
    m_socket->sendTextMessage(QString::fromUtf8(frame));
    m_heartbeat.start();
}

void ConvexSyncSession::fatal(const QString &error)
{
    qCInfo(lcEmulator).noquote() << "convex: FatalError:" << error;
    send(FatalError{error});
    closeWith(1000, QString());
}

void ConvexSyncSession::authFailed(const QString &error, bool authUpdateAttempted)
{
    qCInfo(lcEmulator).noquote() << "convex: AuthError:" << error;
    send(AuthError{error, m_current.identity, authUpdateAttempted});
    closeWith(1000, QString());
}

void ConvexSyncSession::closeWith(int code, const QString &reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_heartbeat.stop();
    m_expiry.stop();
    m_socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
}

} // namespace authkit::emulator
