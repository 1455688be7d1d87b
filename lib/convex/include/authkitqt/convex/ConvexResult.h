#pragma once

#include <authkitqt/convex/ConvexValue.h>

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <authkitqt/convex/authkitqt_convex_export.h>

namespace authkit::convex {

/// The outcome of one mutation, action or one-shot HTTP call. A function that threw a
/// ConvexError has errorData set (a ConvexError(null) is a present null value).
struct AUTHKITQT_CONVEX_EXPORT ConvexResult
{
    bool success = false;
    ConvexValue value;        ///< the return value when success
    QString errorMessage;     ///< when !success
    std::optional<ConvexValue> errorData;
    QStringList logLines;

    static ConvexResult failure(const QString &message)
    {
        ConvexResult result;
        result.errorMessage = message;
        return result;
    }
};

using ConvexResultCallback = std::function<void(const ConvexResult &)>;

} // namespace authkit::convex
