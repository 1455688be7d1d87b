#include <authkitqt/convex/ServerMessages.h>

#include <authkitqt/convex/Timestamp.h>

#include "JsonFieldReader_p.h"
#include "MessageCodec_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace authkit::convex::protocol {

namespace {

using detail::JsonFieldReader;
using detail::MessageTag;
using detail::typeTag;

const QString kType = QStringLiteral("type");

template<typename T>
std::optional<T> finish(const JsonFieldReader &reader, T message, QString *error)
{
    if (!reader.ok()) {
        if (error)
            *error = reader.error();
        return std::nullopt;
    }
    return message;
}

QJsonValue optionalJson(const std::optional<QString> &text)
{
    return text ? QJsonValue(*text) : QJsonValue(QJsonValue::Null);
}

QJsonValue optionalJson(const std::optional<qint64> &number)
{
    return number ? QJsonValue(*number) : QJsonValue(QJsonValue::Null);
}

bool encodeInto(QJsonObject &json, const QString &key, const ConvexValue &value,
                const QString &context, QString *error)
{
    QString problem;
    const auto encoded = value.toJson(&problem);
    if (!encoded) {
        if (error)
            *error = context + QStringLiteral(": ") + key + QStringLiteral(": ") + problem;
        return false;
    }
    json.insert(key, *encoded);
    return true;
}

std::optional<QJsonObject> modificationToJson(const StateModification &modification,
                                              QString *error)
{
    if (const auto *updated = std::get_if<QueryUpdated>(&modification)) {
        QJsonObject json{
            {kType, QStringLiteral("QueryUpdated")},
            {QStringLiteral("queryId"), qint64(updated->queryId)},
            {QStringLiteral("logLines"), QJsonArray::fromStringList(updated->logLines)},
            {QStringLiteral("journal"), optionalJson(updated->journal)},
        };
        if (!encodeInto(json, QStringLiteral("value"), updated->value,
                        QStringLiteral("QueryUpdated"), error)) {
            return std::nullopt;
        }
        return json;
    }
    if (const auto *failed = std::get_if<QueryFailed>(&modification)) {
        QJsonObject json{
            {kType, QStringLiteral("QueryFailed")},
            {QStringLiteral("queryId"), qint64(failed->queryId)},
            {QStringLiteral("errorMessage"), failed->errorMessage},
            {QStringLiteral("logLines"), QJsonArray::fromStringList(failed->logLines)},
            {QStringLiteral("journal"), optionalJson(failed->journal)},
        };
        if (failed->errorData
            && !encodeInto(json, QStringLiteral("errorData"), *failed->errorData,
                           QStringLiteral("QueryFailed"), error)) {
            return std::nullopt;
        }
        return json;
    }
    const auto &removed = std::get<QueryRemoved>(modification);
    return QJsonObject{
        {kType, QStringLiteral("QueryRemoved")},
        {QStringLiteral("queryId"), qint64(removed.queryId)},
    };
}

std::optional<StateModification> modificationFromJson(const QJsonValue &value, QString *error)
{
    if (!value.isObject()) {
        if (error)
            *error = QStringLiteral("is not an object");
        return std::nullopt;
    }
    const QJsonObject json = value.toObject();
    const QJsonValue type = json.value(kType);
    if (type == QJsonValue(QStringLiteral("QueryUpdated"))) {
        JsonFieldReader reader(json, QLatin1StringView("QueryUpdated"));
        QueryUpdated updated;
        updated.queryId = reader.u32(QLatin1StringView("queryId"));
        updated.value = reader.convexValue(QLatin1StringView("value"));
        updated.logLines = reader.stringList(QLatin1StringView("logLines"));
        updated.journal = reader.optionalString(QLatin1StringView("journal"));
        if (auto parsed = finish(reader, updated, error))
            return StateModification(std::move(*parsed));
        return std::nullopt;
    }
    if (type == QJsonValue(QStringLiteral("QueryFailed"))) {
        JsonFieldReader reader(json, QLatin1StringView("QueryFailed"));
        QueryFailed failed;
        failed.queryId = reader.u32(QLatin1StringView("queryId"));
        failed.errorMessage = reader.string(QLatin1StringView("errorMessage"));
        failed.logLines = reader.stringList(QLatin1StringView("logLines"));
        failed.journal = reader.optionalString(QLatin1StringView("journal"));
        failed.errorData = reader.optionalConvexValue(QLatin1StringView("errorData"));
        if (auto parsed = finish(reader, failed, error))
            return StateModification(std::move(*parsed));
        return std::nullopt;
    }
    if (type == QJsonValue(QStringLiteral("QueryRemoved"))) {
        JsonFieldReader reader(json, QLatin1StringView("QueryRemoved"));
        const QueryRemoved removed{reader.u32(QLatin1StringView("queryId"))};
        if (auto parsed = finish(reader, removed, error))
            return StateModification(*parsed);
        return std::nullopt;
    }
    if (error)
        *error = QStringLiteral("has an unknown type");
    return std::nullopt;
}

// Shared by MutationResponse and ActionResponse: success/result/errorMessage/errorData.
template<typename Response>
bool resultToJson(const Response &response, QJsonObject &json, const QString &context,
                  QString *error)
{
    json.insert(QStringLiteral("success"), response.success);
    if (!response.success) {
        json.insert(QStringLiteral("result"), response.errorMessage);
        return !response.errorData
            || encodeInto(json, QStringLiteral("errorData"), *response.errorData, context,
                          error);
    }
    return encodeInto(json, QStringLiteral("result"), response.result, context, error);
}

template<typename Response>
void resultFromJson(JsonFieldReader &reader, Response &response)
{
    response.requestId = reader.u32(QLatin1StringView("requestId"));
    response.success = reader.boolean(QLatin1StringView("success"));
    if (!reader.ok())
        return;
    // A failure carries the message as a plain string, not as a Convex value.
    if (response.success)
        response.result = reader.convexValue(QLatin1StringView("result"));
    else
        response.errorMessage = reader.string(QLatin1StringView("result"));
    response.logLines = reader.stringList(QLatin1StringView("logLines"));
    response.errorData = reader.optionalConvexValue(QLatin1StringView("errorData"));
}

} // namespace

std::optional<QJsonObject> Transition::toJson(QString *error) const
{
    QJsonArray changes;
    for (const StateModification &modification : modifications) {
        auto json = modificationToJson(modification, error);
        if (!json)
            return std::nullopt;
        changes.append(*json);
    }
    return QJsonObject{
        {kType, typeTag<Transition>()},
        {QStringLiteral("startVersion"), startVersion.toJson()},
        {QStringLiteral("endVersion"), endVersion.toJson()},
        {QStringLiteral("modifications"), changes},
        {QStringLiteral("clientClockSkew"), optionalJson(clientClockSkew)},
        {QStringLiteral("serverTs"), optionalJson(serverTs)},
    };
}

std::optional<Transition> Transition::fromJson(const QJsonObject &json, QString *error)
{
    JsonFieldReader reader(json, MessageTag<Transition>::name);
    Transition transition;
    QString problem;
    const QJsonValue start = reader.raw(QLatin1StringView("startVersion"));
    const QJsonValue end = reader.raw(QLatin1StringView("endVersion"));
    if (reader.ok()) {
        if (auto version = StateVersion::fromJson(start, &problem))
            transition.startVersion = *version;
        else
            reader.fail(QStringLiteral("startVersion: ") + problem);
    }
    if (reader.ok()) {
        if (auto version = StateVersion::fromJson(end, &problem))
            transition.endVersion = *version;
        else
            reader.fail(QStringLiteral("endVersion: ") + problem);
    }
    const QJsonArray changes = reader.array(QLatin1StringView("modifications"));
    transition.modifications.reserve(changes.size());
    for (qsizetype i = 0; reader.ok() && i < changes.size(); ++i) {
        if (auto modification = modificationFromJson(changes.at(i), &problem))
            transition.modifications.append(*modification);
        else
            reader.fail(QStringLiteral("modification %1 ").arg(i) + problem);
    }
    transition.clientClockSkew = reader.optionalI64(QLatin1StringView("clientClockSkew"));
    transition.serverTs = reader.optionalI64(QLatin1StringView("serverTs"));
    return finish(reader, transition, error);
}

QJsonObject TransitionChunk::toJson() const
{
    return QJsonObject{
        {kType, typeTag<TransitionChunk>()},
        {QStringLiteral("chunk"), chunk},
        {QStringLiteral("partNumber"), qint64(partNumber)},
        {QStringLiteral("totalParts"), qint64(totalParts)},
        {QStringLiteral("transitionId"), transitionId},
    };
}

std::optional<TransitionChunk> TransitionChunk::fromJson(const QJsonObject &json, QString *error)
{
    JsonFieldReader reader(json, MessageTag<TransitionChunk>::name);
    TransitionChunk chunk;
    chunk.chunk = reader.string(QLatin1StringView("chunk"));
    chunk.partNumber = reader.u32(QLatin1StringView("partNumber"));
    chunk.totalParts = reader.u32(QLatin1StringView("totalParts"));
    chunk.transitionId = reader.string(QLatin1StringView("transitionId"));
    return finish(reader, chunk, error);
}

std::optional<QJsonObject> MutationResponse::toJson(QString *error) const
{
    QJsonObject json{
        {kType, typeTag<MutationResponse>()},
        {QStringLiteral("requestId"), qint64(requestId)},
        {QStringLiteral("ts"), ts ? QJsonValue(Timestamp::encode(*ts)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("logLines"), QJsonArray::fromStringList(logLines)},
    };
    if (!resultToJson(*this, json, QStringLiteral("MutationResponse"), error))
        return std::nullopt;
    return json;
}

std::optional<MutationResponse> MutationResponse::fromJson(const QJsonObject &json, QString *error)
{
    JsonFieldReader reader(json, MessageTag<MutationResponse>::name);
    MutationResponse response;
    resultFromJson(reader, response);
    response.ts = reader.optionalTimestamp(QLatin1StringView("ts"));
    return finish(reader, response, error);
}

std::optional<QJsonObject> ActionResponse::toJson(QString *error) const
{
    QJsonObject json{
        {kType, typeTag<ActionResponse>()},
        {QStringLiteral("requestId"), qint64(requestId)},
        {QStringLiteral("logLines"), QJsonArray::fromStringList(logLines)},
    };
    if (!resultToJson(*this, json, QStringLiteral("ActionResponse"), error))
        return std::nullopt;
    return json;
}

std::optional<ActionResponse> ActionResponse::fromJson(const QJsonObject &json, QString *error)
{
    JsonFieldReader reader(json, MessageTag<ActionResponse>::name);
    ActionResponse response;
    resultFromJson(reader, response);
    return finish(reader, response, error);
}

QJsonObject AuthError::toJson() const
{
    QJsonObject json{
        {kType, typeTag<AuthError>()},
        {QStringLiteral("error"), error},
        {QStringLiteral("baseVersion"),
         baseVersion ? QJsonValue(qint64(*baseVersion)) : QJsonValue(QJsonValue::Null)},
    };
    if (authUpdateAttempted)
        json.insert(QStringLiteral("authUpdateAttempted"), *authUpdateAttempted);
    return json;
}

std::optional<AuthError> AuthError::fromJson(const QJsonObject &json, QString *error)
{
    JsonFieldReader reader(json, MessageTag<AuthError>::name);
    AuthError message;
    message.error = reader.string(QLatin1StringView("error"));
    message.baseVersion = reader.optionalU32(QLatin1StringView("baseVersion"));
    message.authUpdateAttempted = reader.optionalBoolean(QLatin1StringView("authUpdateAttempted"));
    return finish(reader, message, error);
}

QJsonObject FatalError::toJson() const
{
    return QJsonObject{
        {kType, typeTag<FatalError>()},
        {QStringLiteral("error"), error},
    };
}

std::optional<FatalError> FatalError::fromJson(const QJsonObject &json, QString *error)
{
    JsonFieldReader reader(json, MessageTag<FatalError>::name);
    FatalError message;
    message.error = reader.string(QLatin1StringView("error"));
    return finish(reader, message, error);
}

QJsonObject Ping::toJson() const
{
    return QJsonObject{{kType, typeTag<Ping>()}};
}

std::optional<Ping> Ping::fromJson(const QJsonObject &json, QString *error)
{
    Q_UNUSED(json);
    Q_UNUSED(error);
    return Ping{};
}

QString messageType(const ServerMessage &message)
{
    return detail::ServerMessageCodec::type(message);
}

std::optional<QJsonObject> toJson(const ServerMessage &message, QString *error)
{
    return detail::ServerMessageCodec::encode(message, error);
}

std::optional<QByteArray> serialize(const ServerMessage &message, QString *error)
{
    return detail::ServerMessageCodec::serialize(message, error);
}

std::optional<ServerMessage> parseServerMessage(const QJsonObject &json, QString *error)
{
    return detail::ServerMessageCodec::decode(json, QLatin1StringView("server"), error);
}

std::optional<ServerMessage> parseServerMessage(QByteArrayView utf8Json, QString *error)
{
    return detail::ServerMessageCodec::parse(utf8Json, QLatin1StringView("server"), error);
}

} // namespace authkit::convex::protocol
