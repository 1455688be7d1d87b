#pragma once

#include "HttpMessage_p.h"

#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace authkit::emulator {

// CORS as WorkOS applies it (lib/emulator/README.md, "CORS"): the environment lists the web
// origins allowed to call its API from a browser (--cors-origin, the seed's cors_origins). Only
// the API paths take part; the hosted pages are navigated to, never fetched across origins. An
// allowed origin gets itself echoed (never "*", since authkit-js sends credentials), a refused one
// gets no CORS header at all, and its preflight a 403.
class CorsPolicy
{
public:
    CorsPolicy() = default;
    // origins: "scheme://host[:port]" each; pathPattern: the paths that take part.
    CorsPolicy(const QStringList &origins, const QString &pathPattern);

    // An origin as browsers send it ("http://127.0.0.1:5173"), or nullopt when it is not one.
    static std::optional<QString> normalizedOrigin(const QString &origin);

    bool allows(const QByteArray &origin) const;
    // A preflight: OPTIONS with Origin and Access-Control-Request-Method, on a CORS path.
    bool isPreflight(const HttpRequest &request) const;
    // The answer to a preflight: 204 with the CORS headers, or 403 without them.
    HttpResponse preflightResponse(const HttpRequest &request) const;
    // Adds Access-Control-Allow-Origin (+ Credentials, Vary) to an API response for an allowed
    // Origin; leaves every other response alone.
    void decorate(const HttpRequest &request, HttpResponse &response) const;

private:
    bool appliesTo(const HttpRequest &request) const;

    QSet<QString> m_origins;
    QRegularExpression m_paths;
};

} // namespace authkit::emulator
