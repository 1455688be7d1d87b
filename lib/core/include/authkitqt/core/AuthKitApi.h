#pragma once

#include <authkitqt/core/AuthKitConfig.h>
#include <authkitqt/core/Session.h>

#include <QObject>

#include <functional>
#include <optional>
#include <authkitqt/core/authkitqt_core_export.h>

class QNetworkAccessManager;
class QNetworkReply;

namespace authkit {

// What authenticate returns (docs/workos-authkit.md#authenticate-response).
struct AUTHKITQT_CORE_EXPORT AuthResponse
{
    WorkOSUser user;
    QString organizationId;
    QString accessToken;
    QString refreshToken;
    QString authenticationMethod;
    QString impersonatorEmail;
    QString impersonationReason;
};

// A failed call, classified: transient failures (network, timeout, 408, 429, 5xx) keep the
// session and are retried with backoff; everything else is terminal.
struct AUTHKITQT_CORE_EXPORT ApiError
{
    enum class Kind { Network, Timeout, Http, BadResponse };
    Kind kind = Kind::Network;
    int httpStatus = 0;
    QString code;        // "invalid_grant", "organization_membership_not_found", ...
    QString description; // WorkOS's error_description / message
    int retryAfterSecs = -1;

    bool isTransient() const;
    QString message() const; // one line for the user
};

struct AUTHKITQT_CORE_EXPORT AuthResult
{
    std::optional<AuthResponse> response;
    ApiError error;
    bool ok() const { return response.has_value(); }
};

// The WorkOS calls a public client may make, over QNetworkAccessManager. No state, no secrets
// kept, nothing logged but endpoints and outcomes.
class AUTHKITQT_CORE_EXPORT AuthKitApi : public QObject
{
    Q_OBJECT
public:
    using AuthCallback = std::function<void(const AuthResult &)>;
    using JwksCallback = std::function<void(const QByteArray &json, const ApiError *error)>;

    static constexpr int kTimeoutMs = 30000;

    AuthKitApi(AuthKitConfig config, QNetworkAccessManager *network, QObject *parent = nullptr);

    const AuthKitConfig &config() const { return m_config; }
    // How long one call may take before it counts as a (transient) timeout.
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    int timeoutMs() const { return m_timeoutMs; }

    void authenticateWithCode(const QString &code, const QString &codeVerifier, AuthCallback done);
    void authenticateWithRefreshToken(const QString &refreshToken, const QString &organizationId,
                                      AuthCallback done);
    void fetchJwks(JwksCallback done);

    // Classifies a finished reply (exposed for tests).
    static ApiError errorFromReply(QNetworkReply *reply, const QByteArray &body);

private:
    void postAuthenticate(const QJsonObject &body, AuthCallback done);

    AuthKitConfig m_config;
    QNetworkAccessManager *m_network;
    int m_timeoutMs = kTimeoutMs;
};

} // namespace authkit
