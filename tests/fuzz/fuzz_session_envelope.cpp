// StoredSession::fromJson on any bytes as the keychain entry (another process of the same user
// can write it): what it reads must survive toJson and fromJson again, and the access-token
// expiry check must hold for any stored numbers.
#include "FuzzSupport.h"

#include <authkitqt/core/SessionStore.h>

namespace {

// What a JSON number keeps exactly (53 bits); beyond it a round trip may round.
bool exactInJson(qint64 value) {
    return value > -(qint64(1) << 53) && value < (qint64(1) << 53);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    using authkit::StoredSession;
    using authkit::fuzz::check;
    const std::optional<StoredSession> session =
        StoredSession::fromJson(authkit::fuzz::bytes(data, size));
    if (!session)
        return 0;
    check(!session->refreshToken.isEmpty(), "a stored session has a refresh token");

    for (const qint64 now :
         {qint64(0), qint64(1757144304), std::numeric_limits<qint64>::max() / 2}) {
        if (session->hasAccessTokenValidFor(now, 30)) {
            check(!session->accessToken.isEmpty(), "only a stored access token is valid");
            check(session->accessTokenExpiresAtSecs - now <= session->accessTokenLifetimeSecs,
                  "a valid access token has no more than its lifetime left");
        }
    }

    const std::optional<StoredSession> again = StoredSession::fromJson(session->toJson());
    check(again.has_value(), "a stored session reads back");
    check(again->refreshToken == session->refreshToken && again->sessionId == session->sessionId &&
              again->userId == session->userId &&
              again->organizationId == session->organizationId && again->user == session->user &&
              again->accessToken == session->accessToken,
          "a stored session reads back the same");
    if (!session->accessToken.isEmpty() && exactInJson(session->accessTokenLifetimeSecs) &&
        exactInJson(session->accessTokenExpiresAtSecs)) {
        check(again->accessTokenLifetimeSecs == session->accessTokenLifetimeSecs &&
                  again->accessTokenExpiresAtSecs == session->accessTokenExpiresAtSecs,
              "the access token's times read back the same");
    }
    return 0;
}
