#include <authkitqt/core/AuthorizationRequest.h>

#include <authkitqt/core/Pkce.h>

#include <QByteArray>
#include <QList>
#include <QPair>

namespace authkit {

namespace {

// Every byte outside the unreserved set is percent-encoded. QUrlQuery would leave '+' alone,
// which form decoders (the WorkOS server among them) read as a space.
QByteArray encodeComponent(const QString &value)
{
    return QUrl::toPercentEncoding(value);
}

} // namespace

AuthorizationRequest AuthorizationRequest::create(const AuthKitConfig &config,
                                                  const QUrl &redirectUri,
                                                  const SignInOptions &options)
{
    const QUrl redirect = redirectUri.isEmpty() ? config.redirectUri : redirectUri;
    QUrl url = config.authorizeUrl();
    // Without an absolute authorize URL, a redirect and a client there is nothing to sign in to.
    if (!url.isValid() || url.isRelative() || url.host().isEmpty() || !redirect.isValid()
        || redirect.isRelative() || config.clientId.isEmpty()) {
        return {};
    }

    AuthorizationRequest request;
    request.m_redirectUri = redirect;
    request.m_state = pkce::generateState();
    request.m_codeVerifier = pkce::generateVerifier();
    request.m_organizationId = options.organizationId;

    QList<QPair<QString, QString>> params = {
        {QStringLiteral("client_id"), config.clientId},
        {QStringLiteral("redirect_uri"), redirect.toString(QUrl::FullyEncoded)},
        {QStringLiteral("response_type"), QStringLiteral("code")},
        {QStringLiteral("provider"), QStringLiteral("authkit")},
        {QStringLiteral("code_challenge"), pkce::challengeS256(request.m_codeVerifier)},
        {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
        {QStringLiteral("state"), request.m_state},
    };
    // sign-in is the server's default, so only sign-up is sent (as authkit-js does).
    if (options.screen == SignInOptions::Screen::SignUp)
        params.append({QStringLiteral("screen_hint"), QStringLiteral("sign-up")});
    // Empty optional values are dropped, as the SDKs do.
    if (!options.loginHint.isEmpty())
        params.append({QStringLiteral("login_hint"), options.loginHint});
    if (!options.organizationId.isEmpty())
        params.append({QStringLiteral("organization_id"), options.organizationId});
    if (!options.invitationToken.isEmpty())
        params.append({QStringLiteral("invitation_token"), options.invitationToken});
    if (options.forceLogin)
        params.append({QStringLiteral("prompt"), QStringLiteral("login")});

    QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    for (const auto &[key, value] : std::as_const(params)) {
        if (!query.isEmpty())
            query += '&';
        query += encodeComponent(key) + '=' + encodeComponent(value);
    }
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    url.setFragment(QString());
    request.m_url = url;
    return request;
}

bool AuthorizationRequest::matchesState(const QString &received) const
{
    if (m_state.isEmpty() || received.isEmpty())
        return false;
    return pkce::constantTimeEquals(m_state, received);
}

} // namespace authkit
