#pragma once

#include <authkitqt/convex/ClientMessages.h>
#include <authkitqt/convex/ConvexResult.h>
#include <authkitqt/convex/ConvexValue.h>
#include <authkitqt/convex/LocalQuerySet.h>
#include <authkitqt/convex/RequestManager.h>
#include <authkitqt/convex/ServerMessages.h>
#include <authkitqt/convex/StateVersion.h>
#include <authkitqt/convex/WebSocketManager.h>

#include <QHash>
#include <QMap>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <authkitqt/convex/authkitqt_convex_export.h>

namespace authkit::convex {

class AuthenticationManager;
class ConvexQuery;

/**
 * @brief A Convex client over the sync WebSocket, a port of convex-js's BaseConvexClient
 * (browser/sync/client.ts).
 *
 * Live queries, mutations (replayed after a reconnect with the same requestId,
 * read-your-writes), actions, and token authentication with the JS AuthenticationManager's
 * state machine. A thin layer over its parts, as in convex-js: WebSocketManager (the socket),
 * LocalQuerySet (the queries), RequestManager (mutations and actions) and the authentication
 * manager; the client sequences what goes on the wire. Everything runs on the thread the client
 * lives in; callbacks are called there.
 */
class AUTHKITQT_CONVEX_EXPORT ConvexClient : public QObject
{
    Q_OBJECT
public:
    /// fetch(forceRefresh, done): done(token), or done(nullopt) when there is no user (or the
    /// session is over). A fetch that should refresh must really refresh when forceRefresh.
    using TokenCallback = std::function<void(std::optional<QString> token)>;
    using TokenFetcher = std::function<void(bool forceRefresh, TokenCallback done)>;
    /// isFresh(token): the token a fetch without forceRefresh gave was minted by the server just
    /// now, so its lifetime counts from its arrival as a forced fetch's would.
    using TokenFreshness = std::function<bool(const QString &token)>;

    struct Options
    {
        WebSocketManager::Settings socket;
        int authRefreshTokenLeewaySecs = 10;
    };

    explicit ConvexClient(const QUrl &deploymentUrl, QObject *parent = nullptr);
    ConvexClient(const QUrl &deploymentUrl, const Options &options, QObject *parent = nullptr);
    ~ConvexClient() override;

    /// A live query. Handles for the same function and args share one server query; the query
    /// is removed when the last handle is destroyed. A handle for a query that already has a
    /// result is ready at once.
    ConvexQuery *subscribe(const QString &udfPath, const ConvexValue &args = ConvexValue(),
                           QObject *parent = nullptr);

    /// Calls done once: for a successful mutation only after a Transition at or past its commit
    /// timestamp has been applied, so the caller's queries already show the write. Returns the
    /// requestId (0 when the args could not be encoded; done has then been called).
    quint32 mutation(const QString &udfPath, const ConvexValue &args, ConvexResultCallback done);
    /// Actions are not replayed: one in flight when the connection drops fails.
    quint32 action(const QString &udfPath, const ConvexValue &args, ConvexResultCallback done);

    /// onChange(true) once the server confirmed a token, onChange(false) when authentication gave
    /// up (lib/convex/README.md). onRefreshChange follows a reauthentication after a server
    /// rejection.
    void setAuth(TokenFetcher fetchToken, std::function<void(bool)> onChange,
                 std::function<void(bool)> onRefreshChange = {});
    /// Optional, before setAuth. convex-js takes the first token of a setAuth for a cached one and
    /// refetches it with forceRefresh once the server confirmed it (one more refresh grant); a
    /// token isFresh calls fresh is treated as a forced fetch's instead: confirmed, then
    /// refetched on its own schedule (lib/convex/README.md).
    void setTokenFreshness(TokenFreshness isFresh) { m_tokenFreshness = std::move(isFresh); }
    /// Sends Authenticate None and stops the token refetching (unlike convex-js#63).
    void clearAuth();
    /// For good: stops auth, closes the socket, fails what is pending.
    void close();

    QString sessionId() const { return m_sessionId; }
    bool isConnected() const { return m_open; }
    bool isClosed() const { return m_closed; }
    bool hasAuth() const { return m_authToken.has_value(); }
    QString fatalErrorMessage() const { return m_fatalError; }
    /// The backend's message in the last AuthError of this setAuth (why a token was rejected);
    /// empty once a token is confirmed, and after setAuth/clearAuth.
    QString lastAuthError() const { return m_lastAuthError; }
    StateVersion remoteVersion() const { return m_remoteVersion; }
    quint32 querySetVersion() const { return m_querySetVersion; }
    quint32 identityVersion() const { return m_identityVersion; }
    std::optional<quint64> maxObservedTimestamp() const { return m_maxObservedTs; }
    int pendingRequestCount() const { return m_requests.count(); }
    /// When the next forced token refetch runs (ms), or -1 when none is scheduled.
    qint64 msUntilAuthRefetch() const;
    WebSocketManager *socket() const { return m_socket; }

Q_SIGNALS:
    void connectedChanged(bool connected);
    void transitionApplied(const authkit::convex::StateVersion &endVersion);
    /// The server sent FatalError (or a message could not be processed): the client is stopped.
    void fatalError(const QString &message);

private:
    friend class AuthenticationManager;
    friend class ConvexQuery;

    quint32 request(RequestManager::Kind kind, const QString &udfPath, const ConvexValue &args,
                    ConvexResultCallback done);
    void release(ConvexQuery *handle);
    bool canSend() const { return m_open && !m_paused && !m_closed; }
    bool send(const protocol::ClientMessage &message);
    void sendQuerySetChange(const QList<protocol::QuerySetModification> &modifications);

    void onOpened(quint32 connectionCount, const std::optional<QString> &lastCloseReason);
    void onClosed(const QString &reason);
    void onMessage(const protocol::ServerMessage &message);
    void onTransition(const protocol::Transition &transition);
    void onMutationResponse(const protocol::MutationResponse &response);
    void onActionResponse(const protocol::ActionResponse &response);
    void onFatalError(const QString &message);
    void observeTs(quint64 ts);

    /// The AuthenticationManager's view of the local state (local_state.ts).
    void pause();
    void resume();
    void setAuthToken(const QString &token);
    void clearAuthToken(bool sendLogout);
    std::optional<QString> authToken() const { return m_authToken; }

    WebSocketManager *m_socket;
    std::unique_ptr<AuthenticationManager> m_auth;
    QString m_sessionId;
    bool m_open = false;   ///< open and Connect sent
    bool m_paused = false;
    bool m_closed = false;
    QString m_fatalError;
    QString m_lastAuthError;
    TokenFreshness m_tokenFreshness;
    quint32 m_querySetVersion = 0; ///< last sent
    quint32 m_identityVersion = 0; ///< last sent
    StateVersion m_remoteVersion;  ///< last received endVersion
    std::optional<quint64> m_maxObservedTs;
    std::optional<QString> m_authToken;
    bool m_authDirty = false; ///< changed while paused on an open socket
    QList<protocol::QuerySetModification> m_pendingModifications; ///< while paused
    LocalQuerySet m_querySet;
    RequestManager m_requests;
};

} // namespace authkit::convex
