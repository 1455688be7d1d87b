#pragma once

#include <authkitqt/convex/ConvexValue.h>
#include <authkitqt/convex/StateVersion.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>
#include <authkitqt/convex/authkitqt_convexprotocol_export.h>

/// @file
/// Server -> client messages of the Convex sync protocol (convex-js
/// src/browser/sync/protocol.ts, backend crates/convex/sync_types/src/types/json.rs).
///
/// parseServerMessage() is what the client calls on every text frame: hostile or malformed
/// input gives nullopt and an error, never a crash or a partly filled message. toJson() is the
/// server's side (the emulator, tests) and writes what the backend writes.
namespace authkit::convex::protocol {

struct AUTHKITQT_CONVEXPROTOCOL_EXPORT QueryUpdated
{
    quint32 queryId = 0;
    ConvexValue value; ///< a function that returned undefined arrives as null
    QStringList logLines;
    std::optional<QString> journal; ///< null on the wire when absent
};

struct AUTHKITQT_CONVEXPROTOCOL_EXPORT QueryFailed
{
    quint32 queryId = 0;
    QString errorMessage;
    QStringList logLines;
    std::optional<QString> journal;
    std::optional<ConvexValue> errorData; ///< present only when the query threw a ConvexError
};

struct AUTHKITQT_CONVEXPROTOCOL_EXPORT QueryRemoved
{
    quint32 queryId = 0;
};

using StateModification = std::variant<QueryUpdated, QueryFailed, QueryRemoved>;

/// Moves the client from startVersion (which must equal what it holds) to endVersion. An empty
/// modifications list is normal: it confirms a ModifyQuerySet, Authenticate or mutation.
struct AUTHKITQT_CONVEXPROTOCOL_EXPORT Transition
{
    StateVersion startVersion;
    StateVersion endVersion;
    QList<StateModification> modifications;
    std::optional<qint64> clientClockSkew; ///< ms; positive when the client clock is ahead
    std::optional<qint64> serverTs;        ///< ns since the Unix epoch

    std::optional<QJsonObject> toJson(QString *error = nullptr) const;
    static std::optional<Transition> fromJson(const QJsonObject &json, QString *error = nullptr);
};

/// One piece of a large Transition's JSON text; see TransitionChunkAssembler.
struct AUTHKITQT_CONVEXPROTOCOL_EXPORT TransitionChunk
{
    QString chunk;
    quint32 partNumber = 0; ///< from 0
    quint32 totalParts = 0;
    QString transitionId;

    QJsonObject toJson() const;
    static std::optional<TransitionChunk> fromJson(const QJsonObject &json,
                                                   QString *error = nullptr);
};

/// On success `result` holds the return value and `ts` the commit timestamp (the mutation counts
/// as observed once a Transition reaches it). On failure `errorMessage` holds what the wire
/// carries in "result", and `errorData` the ConvexError data, if any.
struct AUTHKITQT_CONVEXPROTOCOL_EXPORT MutationResponse
{
    quint32 requestId = 0;
    bool success = false;
    ConvexValue result;
    QString errorMessage;
    std::optional<quint64> ts;
    QStringList logLines;
    std::optional<ConvexValue> errorData;

    std::optional<QJsonObject> toJson(QString *error = nullptr) const;
    static std::optional<MutationResponse> fromJson(const QJsonObject &json,
                                                    QString *error = nullptr);
};

/// Like MutationResponse, without a timestamp: actions resolve at once.
struct AUTHKITQT_CONVEXPROTOCOL_EXPORT ActionResponse
{
    quint32 requestId = 0;
    bool success = false;
    ConvexValue result;
    QString errorMessage;
    QStringList logLines;
    std::optional<ConvexValue> errorData;

    std::optional<QJsonObject> toJson(QString *error = nullptr) const;
    static std::optional<ActionResponse> fromJson(const QJsonObject &json,
                                                  QString *error = nullptr);
};

/// The server closes the socket right after it. baseVersion is the server's current identity
/// version (not the rejected Authenticate's). authUpdateAttempted: true when an Authenticate
/// was rejected, false when the identity the session had became invalid (e.g. expired).
struct AUTHKITQT_CONVEXPROTOCOL_EXPORT AuthError
{
    QString error;
    std::optional<quint32> baseVersion;
    std::optional<bool> authUpdateAttempted;

    QJsonObject toJson() const;
    static std::optional<AuthError> fromJson(const QJsonObject &json, QString *error = nullptr);
};

/// The JS client stops for good on this one: no reconnect.
struct AUTHKITQT_CONVEXPROTOCOL_EXPORT FatalError
{
    QString error;

    QJsonObject toJson() const;
    static std::optional<FatalError> fromJson(const QJsonObject &json, QString *error = nullptr);
};

/// Only resets the client's inactivity timer.
struct AUTHKITQT_CONVEXPROTOCOL_EXPORT Ping
{
    QJsonObject toJson() const;
    static std::optional<Ping> fromJson(const QJsonObject &json, QString *error = nullptr);
};

using ServerMessage = std::variant<Transition, TransitionChunk, MutationResponse, ActionResponse,
                                   AuthError, FatalError, Ping>;

AUTHKITQT_CONVEXPROTOCOL_EXPORT QString messageType(const ServerMessage &message); ///< "Transition", "Ping", ...

AUTHKITQT_CONVEXPROTOCOL_EXPORT std::optional<QJsonObject> toJson(const ServerMessage &message, QString *error = nullptr);
/// The text of one WebSocket frame (compact JSON, UTF-8).
AUTHKITQT_CONVEXPROTOCOL_EXPORT std::optional<QByteArray> serialize(const ServerMessage &message, QString *error = nullptr);

AUTHKITQT_CONVEXPROTOCOL_EXPORT std::optional<ServerMessage> parseServerMessage(const QJsonObject &json,
                                                QString *error = nullptr);
AUTHKITQT_CONVEXPROTOCOL_EXPORT std::optional<ServerMessage> parseServerMessage(QByteArrayView utf8Json,
                                                QString *error = nullptr);

} // namespace authkit::convex::protocol
