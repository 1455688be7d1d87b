// ConvexValue::fromJson on any bytes parsed as JSON (as values arrive from the wire). A value it
// accepts must encode again and decode to itself, and survive the QVariant round trip.
#include "FuzzSupport.h"

#include <authkitqt/convex/ConvexValue.h>

#include <QJsonArray>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    using authkit::convex::ConvexValue;
    using authkit::fuzz::check;
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(authkit::fuzz::bytes(data, size), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return 0;
    const QJsonValue json =
        document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());

    QString error;
    const std::optional<ConvexValue> value = ConvexValue::fromJson(json, &error);
    if (!value) {
        check(!error.isEmpty(), "a refused value says why");
        return 0;
    }
    const std::optional<QJsonValue> encoded = value->toJson(&error);
    check(encoded.has_value(), "a decoded value encodes again");
    const std::optional<ConvexValue> decoded = ConvexValue::fromJson(*encoded, &error);
    check(decoded && *decoded == *value, "encoding then decoding gives the value back");

    const std::optional<ConvexValue> fromVariant = ConvexValue::fromVariant(value->toVariant());
    check(fromVariant && *fromVariant == *value, "the QVariant round trip gives the value back");
    return 0;
}
