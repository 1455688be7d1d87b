#pragma once

#include <authkitqt/convex/ClientMessages.h>
#include <authkitqt/convex/ServerMessages.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

// The one message table of the sync protocol (lib/convex/README.md): each message that travels
// as a frame of its own has its type tag here, and MessageCodec turns a message variant into a
// frame and back by that table. ClientMessages.cpp and ServerMessages.cpp both use it, so the
// client and the server side never disagree about a tag.
namespace authkit::convex::detail {

template<typename Message>
struct MessageTag; // deliberately undefined: a message without a tag does not compile

#define AUTHKIT_CONVEX_MESSAGE_TAG(Message)                                                        \
    template<> struct MessageTag<protocol::Message>                                                \
    {                                                                                              \
        static constexpr QLatin1StringView name{#Message};                                         \
    };

// Client -> server
AUTHKIT_CONVEX_MESSAGE_TAG(Connect)
AUTHKIT_CONVEX_MESSAGE_TAG(ModifyQuerySet)
AUTHKIT_CONVEX_MESSAGE_TAG(Mutation)
AUTHKIT_CONVEX_MESSAGE_TAG(Action)
AUTHKIT_CONVEX_MESSAGE_TAG(Authenticate)
AUTHKIT_CONVEX_MESSAGE_TAG(Event)
// Server -> client
AUTHKIT_CONVEX_MESSAGE_TAG(Transition)
AUTHKIT_CONVEX_MESSAGE_TAG(TransitionChunk)
AUTHKIT_CONVEX_MESSAGE_TAG(MutationResponse)
AUTHKIT_CONVEX_MESSAGE_TAG(ActionResponse)
AUTHKIT_CONVEX_MESSAGE_TAG(AuthError)
AUTHKIT_CONVEX_MESSAGE_TAG(FatalError)
AUTHKIT_CONVEX_MESSAGE_TAG(Ping)

#undef AUTHKIT_CONVEX_MESSAGE_TAG

template<typename Message> QString typeTag()
{
    return QString(MessageTag<Message>::name);
}

// Messages whose args or values can break the value rules encode with an error out-parameter.
template<typename Message, typename = void> struct EncodingCanFail : std::false_type
{
};
template<typename Message>
struct EncodingCanFail<Message, std::void_t<decltype(std::declval<const Message &>().toJson(
                                    static_cast<QString *>(nullptr)))>> : std::true_type
{
};

template<typename Message>
std::optional<QJsonObject> encodeMessage(const Message &message, QString *error)
{
    if constexpr (EncodingCanFail<Message>::value)
        return message.toJson(error);
    else
        return message.toJson();
}

template<typename Variant> class MessageCodec;

// `side` names the sender in errors: "client" or "server".
template<typename... Messages> class MessageCodec<std::variant<Messages...>>
{
public:
    using Message = std::variant<Messages...>;

    static QString type(const Message &message)
    {
        return std::visit([](const auto &one) { return typeTag<std::decay_t<decltype(one)>>(); },
                          message);
    }

    static std::optional<QJsonObject> encode(const Message &message, QString *error)
    {
        return std::visit([error](const auto &one) { return encodeMessage(one, error); }, message);
    }

    // The text of one WebSocket frame (compact JSON, UTF-8).
    static std::optional<QByteArray> serialize(const Message &message, QString *error)
    {
        const auto json = encode(message, error);
        if (!json)
            return std::nullopt;
        return QJsonDocument(*json).toJson(QJsonDocument::Compact);
    }

    static std::optional<Message> decode(const QJsonObject &json, QLatin1StringView side,
                                         QString *error)
    {
        const QJsonValue type = json.value(QLatin1StringView("type"));
        std::optional<Message> message;
        const bool known = (decodeAs<Messages>(type, json, error, message) || ...);
        if (!known && error) {
            *error = type.isString()
                         ? QStringLiteral("Unknown %1 message type \"%2\"")
                               .arg(side, type.toString().left(64))
                         : capitalized(side) + QStringLiteral(" message has no \"type\" string");
        }
        return message;
    }

    static std::optional<Message> parse(QByteArrayView utf8Json, QLatin1StringView side,
                                        QString *error)
    {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(utf8Json.toByteArray(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            if (error) {
                *error = capitalized(side)
                         + (parseError.error != QJsonParseError::NoError
                                ? QStringLiteral(" message is not valid JSON: ")
                                      + parseError.errorString()
                                : QStringLiteral(" message is not a JSON object"));
            }
            return std::nullopt;
        }
        return decode(document.object(), side, error);
    }

private:
    // True when `type` is One's tag; `message` then holds One, or stays empty when it is invalid.
    template<typename One>
    static bool decodeAs(const QJsonValue &type, const QJsonObject &json, QString *error,
                         std::optional<Message> &message)
    {
        if (type != QJsonValue(typeTag<One>()))
            return false;
        if (auto decoded = One::fromJson(json, error))
            message.emplace(std::in_place_type<One>, std::move(*decoded));
        return true;
    }

    static QString capitalized(QLatin1StringView word)
    {
        QString text(word);
        if (!text.isEmpty())
            text[0] = text.at(0).toUpper();
        return text;
    }
};

using ClientMessageCodec = MessageCodec<protocol::ClientMessage>;
using ServerMessageCodec = MessageCodec<protocol::ServerMessage>;

} // namespace authkit::convex::detail
