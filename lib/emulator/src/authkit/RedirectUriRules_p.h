#pragma once

#include "PageLanguage_p.h"

#include <QString>
#include <QUrl>

namespace authkit::emulator {

// Which redirect URIs a WorkOS environment takes (docs/workos-authkit.md, "Authorize";
// lib/emulator/README.md, "Environments"). Development is lenient: any URI registered for the
// client. Production wants https, a custom scheme (a native app's, registered with the client),
// or the loopback IP literal over http on any port (RFC 8252 section 7.3); never http to a host
// name, not even localhost.
enum class Environment {
    Development,
    Production,
};

// "development" or "production" (the seed's "environment" field); false when text names neither.
bool parseEnvironment(const QString &text, Environment *environment);
QString environmentName(Environment environment);

// Why environment refuses uri as a redirect URI, in words for an error page in language (English
// by default); empty when it is acceptable (whether it is registered for the client is checked
// apart).
QString redirectUriProblem(Environment environment, const QUrl &uri,
                           const PageLanguage &language = PageLanguage());

} // namespace authkit::emulator
