#pragma once

#include <QString>
#include <QUrl>

namespace authkit {

struct RedirectResult
{
    enum class Kind {
        NotOurs,   // not the redirect URI (another page, another path)
        Code,      // code (+ state)
        Error,     // error (+ error_description, state)
        Malformed, // ours, but neither a code nor an error, or a value too long
    };
    Kind kind = Kind::NotOurs;
    QString code;
    QString state;
    QString error;
    QString errorDescription;
};

// Reads the redirect back from AuthKit. Never throws; hostile input gives Malformed or NotOurs.
// A loopback redirect matches on any port (RFC 8252 §7.3); others match scheme, host, port, path.
namespace RedirectParser {
RedirectResult parse(const QUrl &url, const QUrl &expectedRedirectUri);
}

} // namespace authkit
