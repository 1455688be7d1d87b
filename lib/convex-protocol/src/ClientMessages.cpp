#include <authkitqt/convex/ClientMessages.h>

#include <authkitqt/convex/Timestamp.h>

#include "JsonFieldReader_p.h"
#include "MessageCodec_p.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>
#include <QUuid>

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

// The shared shape of Mutation and Action.
template<typename Request>
std::optional<QJsonObject> requestToJson(const Request &request, const QString &type,
                                         QString *error)
{
    auto args = encodeArgs(request.args, error);
    if (!args)
        return std::nullopt;
    QJsonObject json{
        {kType, type},
        {QStringLiteral("requestId"), qint64(request.requestId)},
        {QStringLiteral("udfPath"), request.udfPath},
        {QStringLiteral("args"), *args},
    };
    if (request.componentPath)
        json.insert(QStringLiteral("componentPath"), *request.componentPath);
    return json;
}

template<typename Request>
std::optional<Request> requestFromJson(const QJsonObject &json, QLatin1StringView type,
                                       QString *error)
{
    JsonFieldReader reader(json, type);
    Request request;
    request.requestId = reader.u32(QLatin1StringView("requestId"));
    request.udfPath = reader.string(QLatin1StringView("udfPath"));
    request.componentPath = reader.optionalString(QLatin1StringView("componentPath"));
    if (reader.ok()) {
        QString problem;
        // Unlike a query's Add, the backend insists on args here ("Mutation lacks args").
        if (!json.contains(QLatin1StringView("args"))) {
            reader.fail(QStringLiteral("field \"args\" is missing"));
        } else if (auto args = decodeArgs(json.value(QLatin1StringView("args")), &problem)) {
            request.args = *args;
        } else {
            reader.fail(problem);
        }
    }
    return finish(reader, request, error);
}

std::optional<AddQuery> addQueryFromJson(const QJsonObject &json, QString *error)
{
    JsonFieldReader reader(json, QLatin1StringView("Add"));
    AddQuery add;
    add.queryId = reader.u32(QLatin1StringView("queryId"));
    add.udfPath = reader.string(QLatin1StringView("udfPath"));
    add.journal = reader.optionalString(QLatin1StringView("journal"));
    add.componentPath = reader.optionalString(QLatin1StringView("componentPath"));
    if (reader.ok()) {
        QString problem;
        if (auto args = decodeArgs(json.value(QLatin1StringView("args")), &problem))
            add.args = *args;
        else
            reader.fail(problem);
    }
    return finish(reader, add, error);
}

} // namespace

QString canonicalizeUdfPath(const QString &udfPath)
{
    const qsizetype colon = udfPath.lastIndexOf(QLatin1Char(':'));
    QString moduleName = colon < 0 ? udfPath : udfPath.left(colon);
    const QString functionName = colon < 0 ? QStringLiteral("default") : udfPath.mid(colon + 1);
    if (moduleName.endsWith(QLatin1String(".js")))
        moduleName.chop(3);
    return moduleName + QLatin1Char(':') + functionName;
}

std::optional<QJsonArray> encodeArgs(const ConvexValue &args, QString *error)
{
    if (args.isNull())
        return QJsonArray{QJsonObject()};
    if (!args.isObject()) {
        if (error) {
            *error = QStringLiteral("The arguments to a Convex function must be an object. "
                                    "Received: %1")
                         .arg(QDebug::toString(args));
        }
        return std::nullopt;
    }
    auto json = args.toJson(error);
    if (!json)
        return std::nullopt;
    return QJsonArray{*json};
}

std::optional<ConvexValue> decodeArgs(const QJsonValue &json, QString *error)
{
    if (json.isUndefined())
        return ConvexValue::fromObject({});
    const QJsonArray array = json.toArray();
    if (!json.isArray() || array.size() != 1 || !array.at(0).isObject()) {
        if (error)
            *error = QStringLiteral("args must be an array holding one object");
        return std::nullopt;
    }
    QString problem;
    auto args = ConvexValue::fromJson(array.at(0), &problem);
    if (!args) {
        if (error)
            *error = QStringLiteral("args: ") + problem;
        return std::nullopt;
    }
    return args;
}

QString Connect::newSessionId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject Connect::toJson() const
{
    QJsonObject json{
        {kType, typeTag<Connect>()},
        {QStringLiteral("sessionId"), sessionId},
        {QStringLiteral("connectionCount"), qint64(connectionCount)},
        // null, not absent: the JS client sends `lastCloseReason: null`.
        {QStringLiteral("lastCloseReason"),
         lastCloseReason ? QJsonValue(*lastCloseReason) : QJsonValue(QJsonValue::Null)},
    };
    if (maxObservedTimestamp)
        json.insert(QStringLiteral("maxObservedTimestamp"), Timestamp::encode(*maxObservedTimestamp));
    if (clientTs)
        json.insert(QStringLiteral("clientTs"), *clientTs);
    return json;
}

std::optional<Connect> Connect::fromJson(const QJsonObject &json, QString *error)
{
    JsonFieldReader reader(json, MessageTag<Connect>::name);
    Connect connect;
    connect.sessionId = reader.string(QLatin1StringView("sessionId"));
    connect.connectionCount = reader.u32(QLatin1StringView("connectionCount"));
    connect.lastCloseReason = reader.optionalString(QLatin1StringView("lastCloseReason"));
    connect.maxObservedTimestamp = reader.optionalTimestamp(QLatin1StringView("maxObservedTimestamp"));
    connect.clientTs = reader.optionalI64(QLatin1StringView("clientTs"));
    if (reader.ok() && QUuid::fromString(connect.sessionId).isNull())
        reader.fail(QStringLiteral("field \"sessionId\" must be a UUID"));
    return finish(reader, connect, error);
}

std::optional<QJsonObject> ModifyQuerySet::toJson(QString *error) const
{
    QJsonArray changes;
    for (const QuerySetModification &modification : modifications) {
        if (const auto *add = std::get_if<AddQuery>(&modification)) {
            QString problem;
            auto args = encodeArgs(add->args, &problem);
            if (!args) {
                if (error)
                    *error = QStringLiteral("Add of query %1: %2").arg(add->queryId).arg(problem);
                return std::nullopt;
            }
            QJsonObject json{
                {kType, QStringLiteral("Add")},
                {QStringLiteral("queryId"), qint64(add->queryId)},
                {QStringLiteral("udfPath"), canonicalizeUdfPath(add->udfPath)},
                {QStringLiteral("args"), *args},
            };
            if (add->journal)
                json.insert(QStringLiteral("journal"), *add->journal);
            if (add->componentPath)
                json.insert(QStringLiteral("componentPath"), *add->componentPath);
            changes.append(json);
        } else {
            const auto &remove = std::get<RemoveQuery>(modification);
            changes.append(QJsonObject{
                {kType, QStringLiteral("Remove")},
                {QStringLiteral("queryId"), qint64(remove.queryId)},
            });
        }
    }
    return QJsonObject{
        {kType, typeTag<ModifyQuerySet>()},
        {QStringLiteral("baseVersion"), qint64(baseVersion)},
        {QStringLiteral("newVersion"), qint64(newVersion)},
        {QStringLiteral("modifications"), changes},
    };
}

std::optional<ModifyQuerySet> ModifyQuerySet::fromJson(const QJsonObject &json, QString *error)
{
    JsonFieldReader reader(json, MessageTag<ModifyQuerySet>::name);
    ModifyQuerySet message;
    message.baseVersion = reader.u32(QLatin1StringView("baseVersion"));
    message.newVersion = reader.u32(QLatin1StringView("newVersion"));
    const QJsonArray changes = reader.array(QLatin1StringView("modifications"));
    for (qsizetype i = 0; reader.ok() && i < changes.size(); ++i) {
        const QJsonObject change = changes.at(i).toObject();
        const QJsonValue type = change.value(kType);
        QString problem;
        if (!changes.at(i).isObject()) {
            reader.fail(QStringLiteral("modification %1 is not an object").arg(i));
        } else if (type == QJsonValue(QStringLiteral("Add"))) {
            if (auto add = addQueryFromJson(change, &problem))
                message.modifications.append(*add);
            else
                reader.fail(QStringLiteral("modification %1: %2").arg(i).arg(problem));
        } else if (type == QJsonValue(QStringLiteral("Remove"))) {
            JsonFieldReader removeReader(change, QLatin1StringView("Remove"));
            const RemoveQuery remove{removeReader.u32(QLatin1StringView("queryId"))};
            if (removeReader.ok())
                message.modifications.append(remove);
            else
                reader.fail(QStringLiteral("modification %1: %2").arg(i).arg(removeReader.error()));
        } else {
            reader.fail(QStringLiteral("modification %1 has an unknown type").arg(i));
        }
    }
    return finish(reader, message, error);
}

std::optional<QJsonObject> Mutation::toJson(QString *error) const
{
    return requestToJson(*this, typeTag<Mutation>(), error);
}

std::optional<Mutation> Mutation::fromJson(const QJsonObject &json, QString *error)
{
    return requestFromJson<Mutation>(json, MessageTag<Mutation>::name, error);
}

std::optional<QJsonObject> Action::toJson(QString *error) const
{
    return requestToJson(*this, typeTag<Action>(), error);
}

std::optional<Action> Action::fromJson(const QJsonObject &json, QString *error)
{
    return requestFromJson<Action>(json, MessageTag<Action>::name, error);
}

Authenticate Authenticate::user(const QString &jwt, quint32 baseVersion)
{
    Authenticate message;
    message.tokenType = TokenType::User;
    message.value = jwt;
    message.baseVersion = baseVersion;
    return message;
}

Authenticate Authenticate::none(quint32 baseVersion)
{
    Authenticate message;
    message.baseVersion = baseVersion;
    return message;
}

QJsonObject Authenticate::toJson() const
{
    QJsonObject json{
        {kType, typeTag<Authenticate>()},
        {QStringLiteral("baseVersion"), qint64(baseVersion)},
    };
    switch (tokenType) {
    case TokenType::None:
        json.insert(QStringLiteral("tokenType"), QStringLiteral("None"));
        break;
    case TokenType::User:
        json.insert(QStringLiteral("tokenType"), QStringLiteral("User"));
        json.insert(QStringLiteral("value"), value);
        break;
    case TokenType::Admin:
        json.insert(QStringLiteral("tokenType"), QStringLiteral("Admin"));
        json.insert(QStringLiteral("value"), value);
        if (impersonating)
            json.insert(QStringLiteral("impersonating"), *impersonating);
        break;
    }
    return json;
}

std::optional<Authenticate> Authenticate::fromJson(const QJsonObject &json, QString *error)
{
    JsonFieldReader reader(json, MessageTag<Authenticate>::name);
    Authenticate message;
    message.baseVersion = reader.u32(QLatin1StringView("baseVersion"));
    const QString tokenType = reader.string(QLatin1StringView("tokenType"));
    if (!reader.ok())
        return finish(reader, message, error);
    if (tokenType == QLatin1String("None")) {
        message.tokenType = TokenType::None;
    } else if (tokenType == QLatin1String("User")) {
        message.tokenType = TokenType::User;
        message.value = reader.string(QLatin1StringView("value"));
    } else if (tokenType == QLatin1String("Admin")) {
        message.tokenType = TokenType::Admin;
        message.value = reader.string(QLatin1StringView("value"));
        // The backend takes either name for the impersonated identity.
        const QLatin1StringView key = json.contains(QLatin1StringView("impersonating"))
            ? QLatin1StringView("impersonating")
            : QLatin1StringView("acting_as");
        if (reader.has(key))
            message.impersonating = reader.object(key);
    } else {
        reader.fail(QStringLiteral("unknown tokenType"));
    }
    return finish(reader, message, error);
}

QJsonObject Event::toJson() const
{
    return QJsonObject{
        {kType, typeTag<Event>()},
        {QStringLiteral("eventType"), eventType},
        {QStringLiteral("event"), event.isUndefined() ? QJsonValue(QJsonValue::Null) : event},
    };
}

std::optional<Event> Event::fromJson(const QJsonObject &json, QString *error)
{
    JsonFieldReader reader(json, MessageTag<Event>::name);
    Event message;
    message.eventType = reader.string(QLatin1StringView("eventType"));
    message.event = reader.raw(QLatin1StringView("event"));
    return finish(reader, message, error);
}

QString messageType(const ClientMessage &message)
{
    return detail::ClientMessageCodec::type(message);
}

std::optional<QJsonObject> toJson(const ClientMessage &message, QString *error)
{
    return detail::ClientMessageCodec::encode(message, error);
}

std::optional<QByteArray> serialize(const ClientMessage &message, QString *error)
{
    return detail::ClientMessageCodec::serialize(message, error);
}

std::optional<ClientMessage> parseClientMessage(const QJsonObject &json, QString *error)
{
    return detail::ClientMessageCodec::decode(json, QLatin1StringView("client"), error);
}

std::optional<ClientMessage> parseClientMessage(QByteArrayView utf8Json, QString *error)
{
    return detail::ClientMessageCodec::parse(utf8Json, QLatin1StringView("client"), error);
}

} // namespace authkit::convex::protocol
