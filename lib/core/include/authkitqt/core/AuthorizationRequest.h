#pragma once

#include <authkitqt/core/AuthKitConfig.h>

#include <QString>
#include <QUrl>
#include <authkitqt/core/authkitqt_core_export.h>

namespace authkit {

/// What the caller asks of one sign-in (the screen to open first, hints for the hosted page).
struct AUTHKITQT_CORE_EXPORT SignInOptions
{
    enum class Screen { SignIn, SignUp };
    Screen screen = Screen::SignIn;
    QString loginHint;
    QString organizationId;
    QString invitationToken;
    bool forceLogin = false; ///< prompt=login: ignore a remembered hosted session
};

/// One sign-in attempt: the authorize URL with PKCE S256 and a fresh state, and what is needed
/// to finish it. The verifier never leaves memory.
class AUTHKITQT_CORE_EXPORT AuthorizationRequest
{
public:
    AuthorizationRequest() = default;
    /// redirectUri overrides the config's (the loopback listener's actual port).
    static AuthorizationRequest create(const AuthKitConfig &config, const QUrl &redirectUri,
                                       const SignInOptions &options = {});

    bool isNull() const { return m_state.isEmpty(); }
    QUrl url() const { return m_url; }
    QUrl redirectUri() const { return m_redirectUri; }
    QString state() const { return m_state; }
    QString codeVerifier() const { return m_codeVerifier; }
    QString organizationId() const { return m_organizationId; }
    /// Constant-time check of the state that came back.
    bool matchesState(const QString &received) const;

private:
    QUrl m_url;
    QUrl m_redirectUri;
    QString m_state;
    QString m_codeVerifier;
    QString m_organizationId;
};

} // namespace authkit
