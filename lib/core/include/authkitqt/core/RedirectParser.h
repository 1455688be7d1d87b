#pragma once

#include <QString>
#include <QUrl>
#include <authkitqt/core/authkitqt_core_export.h>

namespace authkit {

/// What a URL the user agent arrived at means for the sign-in under way.
struct AUTHKITQT_CORE_EXPORT RedirectResult
{
    enum class Kind {
        NotOurs,   ///< not the redirect URI (another page, another path)
        Code,      ///< code (+ state)
        Error,     ///< error (+ error_description, state)
        Malformed, ///< ours, but neither a code nor an error, or a value too long
    };
    Kind kind = Kind::NotOurs;
    QString code;
    QString state;
    QString error;
    QString errorDescription;
};

/// Reads the redirect back from AuthKit. Never throws; hostile input gives Malformed or NotOurs.
/// A loopback redirect matches on any port (RFC 8252 §7.3); others match scheme, host, port, path.
namespace RedirectParser {
AUTHKITQT_CORE_EXPORT RedirectResult parse(const QUrl &url, const QUrl &expectedRedirectUri);
}

} // namespace authkit
