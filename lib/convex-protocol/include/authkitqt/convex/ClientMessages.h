#pragma once

#include <authkitqt/convex/ConvexValue.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>
#include <variant>
#include <authkitqt/convex/authkitqt_convexprotocol_export.h>

/// @file
/// Client -> server messages of the Convex sync protocol (convex-js
/// src/browser/sync/protocol.ts, backend crates/convex/sync_types/src/types/json.rs).
///
/// Plain structs: fill the fields, then toJson(). A message that carries function args returns
/// std::optional, because args that break the value rules (ConvexValue::toJson) cannot be sent.
/// fromJson() is the server's side (the emulator, tests); it never throws.
namespace authkit::convex::protocol {

/// "mod" -> "mod:default", "dir/mod.js:fn" -> "dir/mod:fn" (canonicalizeUdfPath of the client).
AUTHKITQT_CONVEXPROTOCOL_EXPORT QString canonicalizeUdfPath(const QString &udfPath);

/// Function args as they travel: a one-element array holding the encoded args object. Null
/// stands for "no args" and becomes {}; any other non-object is an error.
AUTHKITQT_CONVEXPROTOCOL_EXPORT std::optional<QJsonArray> encodeArgs(const ConvexValue &args, QString *error = nullptr);
/// The reverse: [<object>] -> the object. The backend reads a missing args as {} too.
AUTHKITQT_CONVEXPROTOCOL_EXPORT std::optional<ConvexValue> decodeArgs(const QJsonValue &json, QString *error = nullptr);

/// Sent first on every socket. The server does not reply to it.
struct AUTHKITQT_CONVEXPROTOCOL_EXPORT Connect
{
    QString sessionId;        ///< a UUID, one per client, kept across reconnects
    quint32 connectionCount = 0; ///< earlier successful opens; 0 on the first
    /// "InitialConnect" first, then the close reason; null when nothing closed the last socket.
    std::optional<QString> lastCloseReason;
    std::optional<quint64> maxObservedTimestamp; ///< highest ts seen; omitted when none
    std::optional<qint64> clientTs;              ///< ms since the Unix epoch; omitted when none

    static QString newSessionId(); ///< a random UUID without braces

    QJsonObject toJson() const;
    static std::optional<Connect> fromJson(const QJsonObject &json, QString *error = nullptr);
};

struct AUTHKITQT_CONVEXPROTOCOL_EXPORT AddQuery
{
    quint32 queryId = 0;
    QString udfPath;   ///< canonicalised by toJson()
    ConvexValue args;  ///< an object; null for no args
    std::optional<QString> journal;       ///< the last journal seen for the query, if any
    std::optional<QString> componentPath; ///< admin only
};

struct AUTHKITQT_CONVEXPROTOCOL_EXPORT RemoveQuery
{
    quint32 queryId = 0;
};

using QuerySetModification = std::variant<AddQuery, RemoveQuery>;

/// baseVersion must be the newVersion last sent on this socket (0 on a new one); the client
/// always uses newVersion = baseVersion + 1.
struct AUTHKITQT_CONVEXPROTOCOL_EXPORT ModifyQuerySet
{
    quint32 baseVersion = 0;
    quint32 newVersion = 0;
    QList<QuerySetModification> modifications;

    std::optional<QJsonObject> toJson(QString *error = nullptr) const;
    static std::optional<ModifyQuerySet> fromJson(const QJsonObject &json,
                                                  QString *error = nullptr);
};

/// udfPath travels as given: the server canonicalises mutations and actions itself.
struct AUTHKITQT_CONVEXPROTOCOL_EXPORT Mutation
{
    quint32 requestId = 0; ///< a per-client counter that continues across reconnects
    QString udfPath;
    ConvexValue args; ///< an object; null for no args
    std::optional<QString> componentPath;

    std::optional<QJsonObject> toJson(QString *error = nullptr) const;
    static std::optional<Mutation> fromJson(const QJsonObject &json, QString *error = nullptr);
};

struct AUTHKITQT_CONVEXPROTOCOL_EXPORT Action
{
    quint32 requestId = 0; ///< shares the counter with mutations
    QString udfPath;
    ConvexValue args; ///< an object; null for no args
    std::optional<QString> componentPath;

    std::optional<QJsonObject> toJson(QString *error = nullptr) const;
    static std::optional<Action> fromJson(const QJsonObject &json, QString *error = nullptr);
};

/// baseVersion is the identity version before this change; "None" is a logout.
struct AUTHKITQT_CONVEXPROTOCOL_EXPORT Authenticate
{
    enum class TokenType { None, User, Admin };

    TokenType tokenType = TokenType::None;
    QString value; ///< the JWT (User) or the admin key (Admin); not sent for None
    quint32 baseVersion = 0;
    std::optional<QJsonObject> impersonating; ///< Admin only: UserIdentityAttributes

    static Authenticate user(const QString &jwt, quint32 baseVersion);
    static Authenticate none(quint32 baseVersion);

    QJsonObject toJson() const;
    static std::optional<Authenticate> fromJson(const QJsonObject &json,
                                                QString *error = nullptr);
};

/// Telemetry; the server only logs it. `event` is plain JSON, not a Convex value.
struct AUTHKITQT_CONVEXPROTOCOL_EXPORT Event
{
    QString eventType;
    QJsonValue event;

    QJsonObject toJson() const;
    static std::optional<Event> fromJson(const QJsonObject &json, QString *error = nullptr);
};

using ClientMessage = std::variant<Connect, ModifyQuerySet, Mutation, Action, Authenticate, Event>;

AUTHKITQT_CONVEXPROTOCOL_EXPORT QString messageType(const ClientMessage &message); ///< "Connect", "ModifyQuerySet", ...

AUTHKITQT_CONVEXPROTOCOL_EXPORT std::optional<QJsonObject> toJson(const ClientMessage &message, QString *error = nullptr);
/// The text of one WebSocket frame (compact JSON, UTF-8).
AUTHKITQT_CONVEXPROTOCOL_EXPORT std::optional<QByteArray> serialize(const ClientMessage &message, QString *error = nullptr);

AUTHKITQT_CONVEXPROTOCOL_EXPORT std::optional<ClientMessage> parseClientMessage(const QJsonObject &json,
                                                QString *error = nullptr);
AUTHKITQT_CONVEXPROTOCOL_EXPORT std::optional<ClientMessage> parseClientMessage(QByteArrayView utf8Json,
                                                QString *error = nullptr);

} // namespace authkit::convex::protocol
