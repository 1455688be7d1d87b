#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace authkit::detail {

// JSON for trust decisions: QJsonDocument keeps one value of a member named twice and drops the
// other without a word, so {"alg":"none","alg":"RS256"} would mean different things to different
// parsers. parseStrictJson refuses such documents, and nesting deeper than a limit, in linear time.
enum class StrictJsonError {
    None,
    Syntax,          // not JSON
    TooDeep,         // nested deeper than maxDepth
    DuplicateMember, // an object names one member twice (after unescaping: "a" and "\u0061")
};

struct JsonTextShape
{
    qsizetype members = 0; // object members, at every depth
    int depth = 0;         // deepest nesting of objects and arrays
};

// Reads the shape off the text. In valid JSON every ':' outside a string separates the name and
// the value of exactly one object member, so counting them counts the members as written.
inline JsonTextShape jsonTextShape(const QByteArray &json)
{
    JsonTextShape shape;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : json) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '{':
        case '[':
            ++depth;
            shape.depth = qMax(shape.depth, depth);
            break;
        case '}':
        case ']':
            --depth;
            break;
        case ':':
            ++shape.members;
            break;
        default:
            break;
        }
    }
    return shape;
}

// The members QJsonDocument kept. The depth was checked on the text first, so the recursion is
// bounded by maxDepth.
inline qsizetype jsonMemberCount(const QJsonValue &value)
{
    qsizetype count = 0;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        count += object.size();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            count += jsonMemberCount(it.value());
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            count += jsonMemberCount(item);
    }
    return count;
}

// A member dropped anywhere (with everything nested in its value) makes the parsed count smaller
// than the written one, so equal counts mean that no name was repeated.
inline std::optional<QJsonDocument> parseStrictJson(const QByteArray &json, int maxDepth,
                                                    StrictJsonError *error)
{
    const auto fail = [error](StrictJsonError why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const JsonTextShape shape = jsonTextShape(json);
    if (shape.depth > maxDepth)
        return fail(StrictJsonError::TooDeep);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || document.isNull())
        return fail(StrictJsonError::Syntax);
    const QJsonValue root =
        document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    if (jsonMemberCount(root) != shape.members)
        return fail(StrictJsonError::DuplicateMember);
    if (error)
        *error = StrictJsonError::None;
    return document;
}

} // namespace authkit::detail
