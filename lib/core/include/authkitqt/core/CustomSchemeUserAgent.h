#pragma once

#include <authkitqt/core/UserAgent.h>

#include <authkitqt/core/authkitqt_core_export.h>
#include <functional>

namespace authkit {

/// The system-browser flow that comes back by a private-use URI scheme (RFC 8252 §7.1), as
/// WorkOS's Electron SDK does: the hosted page opens in the user's browser with the configured
/// redirect URI (authkit-desktop://callback), and the operating system hands the redirect to the
/// application registered for the scheme (on Linux a .desktop file's x-scheme-handler). That
/// launch passes it to the running instance, which calls deliver().
///
/// Any local program can launch the handler with any URL, so deliver() takes only a redirect to
/// the exact redirect URI carrying the state of the sign-in under way; anything else is answered
/// with why and leaves the sign-in (and the session) as they were. The state is checked again by
/// AuthSession, as for every user agent (docs/architecture.md, "Sign-in").
class AUTHKITQT_CORE_EXPORT CustomSchemeUserAgent : public UserAgent
{
    Q_OBJECT
public:
    using UrlOpener = std::function<bool(const QUrl &)>;

    /// A real redirect is a few hundred bytes; longer is not one of ours.
    static constexpr qsizetype kMaxRedirectBytes = 8 * 1024;

    enum class Delivery {
        Accepted,        ///< handed to the session, which finishes the sign-in
        NoSignInPending, ///< no sign-in is waiting for a redirect
        NotTheRedirect,  ///< another scheme, host or path than the redirect URI, or unreadable
        TooLong,         ///< more than kMaxRedirectBytes
        NotThisSignIn,   ///< the redirect URI, but not this attempt's state
    };

    explicit CustomSchemeUserAgent(UrlOpener openUrl, QObject *parent = nullptr);
    ~CustomSchemeUserAgent() override;

    /// True for a URI this agent can wait for: an absolute URI, with no user info or fragment,
    /// whose scheme is not one a browser handles itself (isBrowserInternalScheme(), UriSchemes.h).
    static bool isCustomSchemeUri(const QUrl &uri);

    /// The configured redirect URI unchanged when it is a custom scheme's, else invalid (the
    /// session then says it cannot receive the redirect).
    QUrl prepareRedirectUri(const QUrl &configured) override;
    void present(const AuthorizationRequest &request) override;
    void dismiss() override;
    void endSession(const QUrl &logoutUrl) override;

    /// A redirect the operating system handed over; emits redirectReceived() only when Accepted.
    Delivery deliver(const QUrl &url);
    /// The words for a refused delivery (for the launch that brought it); empty for Accepted.
    static QString explain(Delivery delivery);

    /// True while a sign-in waits for its redirect.
    bool isWaiting() const { return !m_expectedState.isEmpty(); }
    QUrl redirectUri() const { return m_redirectUri; }

private:
    UrlOpener m_openUrl;
    QUrl m_redirectUri;
    QByteArray m_expectedState;
};

} // namespace authkit
