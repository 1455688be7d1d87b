#pragma once

#include <authkitqt/convex/ConvexResult.h>
#include <authkitqt/convex/ServerMessages.h>
#include <authkitqt/convex/StateVersion.h>

#include <QByteArray>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>
#include <authkitqt/convex/authkitqt_convex_export.h>

namespace authkit::convex {

/**
 * @brief The mutations and actions of a client from the call until their callback ran.
 *
 * A port of convex-js's RequestManager (lib/convex/README.md). Each request keeps its encoded
 * frame so it can be sent again on a new socket with the same requestId (the server
 * deduplicates mutations). A successful mutation completes in two steps: its response marks it
 * Completed with the commit timestamp, and its callback runs only once a Transition at or past
 * that timestamp has been applied (read-your-writes). Actions are not idempotent: one in flight
 * when the connection drops fails instead of being resent.
 *
 * Callbacks run synchronously from the calls below; a callback may start a new request.
 */
class AUTHKITQT_CONVEX_EXPORT RequestManager
{
public:
    enum class Kind { Mutation, Action };
    /// NotSent: waiting for a socket; Requested: on the wire; Completed: a mutation whose
    /// response arrived and waits for its Transition.
    enum class Status { NotSent, Requested, Completed };
    /// Sends one frame; false when it could not go out (the request stays NotSent).
    using Sender = std::function<bool(const QByteArray &frame)>;

    /// The id of the next request: a counter that starts at 1 and survives reconnects.
    quint32 nextRequestId() { return ++m_lastRequestId; }

    /// Tracks a request whose frame has been encoded; @p sent tells whether it already went out.
    void add(quint32 requestId, Kind kind, const QByteArray &frame, bool sent,
             ConvexResultCallback done);

    /// On a new socket: sends every request not completed yet (NotSent and Requested), in
    /// requestId order.
    void resendAll(const Sender &send);
    /// After a pause: sends the requests that could not go out (NotSent only).
    void sendUnsent(const Sender &send);

    /// The connection dropped: fails the actions that were on the wire.
    void failActionsInFlight(const QString &message);

    /**
     * A mutation's response. A failure (or a success without a timestamp) calls back at once;
     * a success becomes Completed.
     * @return the commit timestamp when the mutation became Completed (the caller observes it
     *         and then calls resolveCompleted()), else nullopt.
     */
    std::optional<quint64> onMutationResponse(const protocol::MutationResponse &response);
    /// An action's response: calls back at once.
    void onActionResponse(const protocol::ActionResponse &response);

    /// Calls back the Completed mutations whose commit timestamp @p remoteVersion has reached.
    /// A zero version (a new socket that reached no snapshot yet) resolves nothing.
    void resolveCompleted(const StateVersion &remoteVersion);

    /// Fails every request (the client closed or hit a fatal error).
    void failAll(const QString &message);

    /// Requests whose callback has not run yet.
    int count() const { return int(m_requests.size()); }
    /// The status of a tracked request; nullopt once its callback ran (or for an unknown id).
    std::optional<Status> status(quint32 requestId) const;

private:
    struct Request
    {
        Kind kind = Kind::Mutation;
        Status status = Status::NotSent;
        QByteArray frame;
        quint64 ts = 0;
        ConvexResult result;
        ConvexResultCallback done;
    };

    static ConvexResult resultOf(bool success, const ConvexValue &value,
                                 const QString &errorMessage,
                                 const std::optional<ConvexValue> &errorData,
                                 const QStringList &logLines);
    // Removes the request, then calls it back: the callback may add requests.
    void finish(quint32 requestId, const ConvexResult &result);

    quint32 m_lastRequestId = 0;
    QMap<quint32, Request> m_requests; // in requestId order
};

} // namespace authkit::convex
