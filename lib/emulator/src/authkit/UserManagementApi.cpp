#include "UserManagementApi_p.h"

#include "HostedLoginPages_p.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>

namespace authkit::emulator {

namespace {

const QStringList kPublicClientGrantsNeedingSecret = {
    QStringLiteral("password"),
    QStringLiteral("urn:workos:oauth:grant-type:magic-auth:code"),
    QStringLiteral("urn:workos:oauth:grant-type:email-verification:code"),
    QStringLiteral("urn:workos:oauth:grant-type:mfa-totp"),
    QStringLiteral("urn:workos:oauth:grant-type:organization-selection"),
    QStringLiteral("urn:ietf:params:oauth:grant-type:device_code"),
};

// Providers authorize accepts, and the hosted page each one opens.
QString providerPage(const QString &provider)
{
    if (provider == QLatin1String("GoogleOAuth"))
        return QStringLiteral("google");
    if (provider == QLatin1String("GitHubOAuth"))
        return QStringLiteral("github");
    if (provider == QLatin1String("MicrosoftOAuth"))
        return QStringLiteral("microsoft");
    return {};
}

HttpResponse invalidRequest(const QString &description)
{
    return oauthError(400, QStringLiteral("invalid_request"), description);
}

QString stringField(const QJsonObject &body, const char *name)
{
    const QJsonValue value = body.value(QLatin1String(name));
    return value.isString() ? value.toString() : QString();
}

bool isBase64UrlOfLength(const QString &text, int minimum, int maximum)
{
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9._~-]+$"));
    return text.size() >= minimum && text.size() <= maximum && shape.match(text).hasMatch();
}

} // namespace

HttpResponse UserManagementApi::authorize(const HttpRequest &request)
{
    const QString clientId = request.query(QStringLiteral("client_id"));
    const ClientApp *client = m_state.directory().client(clientId);
    const PageLanguage language = PageLanguage::of(request);
    if (!client) {
        return HostedLoginPages::messagePage(
            language, 400, language.tr("Invalid client ID"),
            language.tr("The client_id \"%1\" is not a client of this environment.").arg(clientId));
    }
    const QString redirectUri = request.query(QStringLiteral("redirect_uri"));
    // The environment's rules first, so a refused URI is said to be refused for what it is, not
    // merely for being unregistered.
    // Only production has rules of its own (development takes whatever was registered).
    const QString problem = redirectUriProblem(client->environment, QUrl(redirectUri), language);
    if (!problem.isEmpty()) {
        return HostedLoginPages::messagePage(
            language, 400, language.tr("Invalid redirect URI"),
            language.tr("The redirect_uri \"%1\" is not allowed in the production environment of "
                        "%2. %3")
                .arg(redirectUri, client->name, problem));
    }
    bool registered = false;
    for (const QString &allowed : client->redirectUris)
        registered = registered || matchesRegisteredUri(QUrl(redirectUri), allowed, false);
    // The environment's own list (--project, POST /user_management/redirect_uris) counts too.
    registered = registered || m_state.environment().allowsRedirectUri(QUrl(redirectUri));
    if (!registered) {
        // An untrusted redirect URI can never be redirected to, not even with an error.
        return HostedLoginPages::messagePage(
            language, 400, language.tr("Invalid redirect URI"),
            language.tr("The redirect_uri \"%1\" is not registered for %2.")
                .arg(redirectUri, client->name));
    }

    LoginAttempt draft;
    draft.clientId = clientId;
    draft.redirectUri = redirectUri;
    draft.hasState = request.hasQuery(QStringLiteral("state"));
    draft.state = request.query(QStringLiteral("state"));
    draft.codeChallenge = request.query(QStringLiteral("code_challenge"));
    draft.screenHint = request.query(QStringLiteral("screen_hint"));
    draft.loginHint = request.query(QStringLiteral("login_hint"));
    draft.organizationId = request.query(QStringLiteral("organization_id"));
    draft.invitationToken = request.query(QStringLiteral("invitation_token"));
    const QString provider = request.query(QStringLiteral("provider"));
    draft.provider = providerPage(provider);
    LoginAttempt &attempt = m_state.sessions().createAttempt(draft, m_state.clock().now());
    const QString attemptId = attempt.id;

    auto fail = [&](const QString &error, const QString &description) {
        return m_flow.errorRedirect(attemptId, error, description);
    };
    if (request.query(QStringLiteral("response_type")) != QLatin1String("code"))
        return fail(QStringLiteral("invalid_request"), QStringLiteral("response_type must be code."));
    if (provider.isEmpty() && draft.organizationId.isEmpty()
        && !request.hasQuery(QStringLiteral("connection_id")))
        return fail(QStringLiteral("invalid_request"),
                    QStringLiteral("One of provider, connection_id or organization_id is required."));
    if (!provider.isEmpty() && provider != QLatin1String("authkit") && draft.provider.isEmpty())
        return fail(QStringLiteral("invalid_request"),
                    QStringLiteral("The provider \"%1\" is not supported.").arg(provider));
    if (request.hasQuery(QStringLiteral("connection_id")))
        return fail(QStringLiteral("connection_invalid"),
                    QStringLiteral("No SSO connections exist in this emulator."));
    if (draft.codeChallenge.isEmpty())
        return fail(QStringLiteral("invalid_request"),
                    QStringLiteral("code_challenge is required: public clients must use PKCE."));
    if (request.query(QStringLiteral("code_challenge_method")) != QLatin1String("S256"))
        return fail(QStringLiteral("invalid_request"),
                    QStringLiteral("code_challenge_method must be S256."));
    if (!isBase64UrlOfLength(draft.codeChallenge, 43, 43))
        return fail(QStringLiteral("invalid_request"),
                    QStringLiteral("code_challenge must be the base64url SHA-256 of the verifier."));
    if (!draft.screenHint.isEmpty()) {
        if (provider != QLatin1String("authkit"))
            return fail(QStringLiteral("invalid_request"),
                        QStringLiteral("screen_hint is only valid with provider=authkit."));
        if (draft.screenHint != QLatin1String("sign-in") && draft.screenHint != QLatin1String("sign-up"))
            return fail(QStringLiteral("invalid_request"),
                        QStringLiteral("screen_hint must be sign-in or sign-up."));
    }
    if (!draft.organizationId.isEmpty() && !m_state.directory().organization(draft.organizationId))
        return fail(QStringLiteral("organization_invalid"),
                    QStringLiteral("Organization %1 does not exist.").arg(draft.organizationId));
    if (!draft.invitationToken.isEmpty()) {
        const Invitation *invitation = m_state.directory().invitation(draft.invitationToken);
        if (!invitation || invitation->accepted)
            return fail(QStringLiteral("invitation_invalid"),
                        QStringLiteral("The invitation is invalid or was already accepted."));
    }
    return m_flow.begin(attemptId, request,
                        request.query(QStringLiteral("prompt")) == QLatin1String("login"));
}

HttpResponse UserManagementApi::authenticate(const HttpRequest &request)
{
    if (request.body.size() > m_state.options().maxBodyBytes)
        return oauthError(413, QStringLiteral("invalid_request"),
                          QStringLiteral("The request body is too large."));
    QJsonObject body;
    const QByteArray type = request.mediaType();
    if (type == "application/json") {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
        if (!document.isObject())
            return invalidRequest(QStringLiteral("The request body is not a JSON object."));
        body = document.object();
    } else if (type == "application/x-www-form-urlencoded") {
        const auto fields = request.formFields();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            body.insert(it.key(), it.value());
    } else {
        return oauthError(415, QStringLiteral("invalid_request"),
                          QStringLiteral("Send application/json or "
                                         "application/x-www-form-urlencoded."));
    }

    const QString clientId = stringField(body, "client_id");
    if (clientId.isEmpty())
        return invalidRequest(QStringLiteral("Missing required parameter: client_id."));
    if (!m_state.directory().client(clientId))
        return oauthError(400, QStringLiteral("invalid_client"), QStringLiteral("Invalid client ID."));
    const QString grantType = stringField(body, "grant_type");
    if (body.contains(QStringLiteral("client_secret"))) {
        // This emulator holds no API keys: it is the public-client surface only.
        return oauthError(400, QStringLiteral("invalid_client"),
                          QStringLiteral("Invalid client secret."));
    }
    if (grantType.isEmpty())
        return invalidRequest(QStringLiteral("Missing required parameter: grant_type."));
    if (grantType == QLatin1String("authorization_code")) {
        m_state.countGrant(grantType);
        return authorizationCodeGrant(body);
    }
    if (grantType == QLatin1String("refresh_token")) {
        m_state.countGrant(grantType);
        return refreshTokenGrant(body);
    }
    if (kPublicClientGrantsNeedingSecret.contains(grantType))
        return oauthError(400, QStringLiteral("invalid_client"),
                          QStringLiteral("The %1 grant needs a client_secret; public clients "
                                         "cannot use it.")
                              .arg(grantType));
    return oauthError(400, QStringLiteral("unsupported_grant_type"),
                      QStringLiteral("The grant type \"%1\" is not supported.").arg(grantType));
}

HttpResponse UserManagementApi::authorizationCodeGrant(const QJsonObject &body)
{
    const QString code = stringField(body, "code");
    if (code.isEmpty())
        return invalidRequest(QStringLiteral("Missing required parameter: code."));
    const QString verifier = stringField(body, "code_verifier");
    const QString clientId = stringField(body, "client_id");
    const QDateTime now = m_state.clock().now();
    const auto invalidCode = [&code] {
        return oauthError(400, QStringLiteral("invalid_grant"),
                          QStringLiteral("The code '%1' has expired or is invalid.").arg(code));
    };

    AuthorizationCode *record = m_state.sessions().code(code);
    if (!record || record->used || now > record->expiresAt || record->clientId != clientId)
        return invalidCode();
    if (body.contains(QStringLiteral("redirect_uri"))
        && stringField(body, "redirect_uri") != record->redirectUri)
        return invalidCode();
    if (verifier.isEmpty())
        return invalidRequest(QStringLiteral("Missing required parameter: code_verifier."));
    if (!isBase64UrlOfLength(verifier, 43, 128))
        return invalidRequest(QStringLiteral("code_verifier must be 43 to 128 characters of "
                                             "[A-Za-z0-9-._~]."));
    // One try per code: a wrong verifier burns it, so it cannot be guessed at.
    record->used = true;
    const QByteArray challenge =
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (challenge != record->codeChallenge.toLatin1())
        return invalidCode();
    UserSession *session = m_state.sessions().session(record->sessionId);
    if (!session || session->status != UserSession::Status::Active)
        return invalidCode();
    return HttpResponse::json(200, m_state.authenticationResponse(*session));
}

HttpResponse UserManagementApi::refreshTokenGrant(const QJsonObject &body)
{
    const QString token = stringField(body, "refresh_token");
    if (token.isEmpty())
        return invalidRequest(QStringLiteral("Missing refresh token."));
    const auto invalidGrant = [](const QString &description) {
        return oauthError(400, QStringLiteral("invalid_grant"), description);
    };
    RefreshTokenRecord *record = m_state.sessions().refreshToken(token);
    if (!record || record->clientId != stringField(body, "client_id"))
        return invalidGrant(QStringLiteral("Invalid refresh token."));
    if (record->exchanged)
        return invalidGrant(QStringLiteral("Refresh token already exchanged."));
    const QDateTime now = m_state.clock().now();
    if (now > record->expiresAt)
        return invalidGrant(QStringLiteral("Refresh token has expired."));
    UserSession *session = m_state.sessions().session(record->sessionId);
    if (!session || session->status != UserSession::Status::Active || now > session->expiresAt)
        return invalidGrant(QStringLiteral("Session has ended."));

    const QString organizationId = stringField(body, "organization_id");
    if (!organizationId.isEmpty() && organizationId != session->organizationId) {
        const User *user = m_state.directory().userById(session->userId);
        if (!m_state.directory().organization(organizationId))
            return oauthError(400, QStringLiteral("organization_not_found"),
                              QStringLiteral("Organization %1 was not found.").arg(organizationId));
        if (!user || !user->membershipIn(organizationId))
            return oauthError(400, QStringLiteral("organization_membership_not_found"),
                              QStringLiteral("The user is not a member of organization %1.")
                                  .arg(organizationId));
        session->organizationId = organizationId;
    }
    // Used once, rotated: the response carries the replacement.
    record->exchanged = true;
    return HttpResponse::json(200, m_state.authenticationResponse(*session));
}

HttpResponse UserManagementApi::jwks(const HttpRequest &, const QString &clientId)
{
    if (!m_state.directory().client(clientId))
        return messageError(404, QStringLiteral("Client %1 not found.").arg(clientId));
    return HttpResponse::json(200, m_state.tokens().jwks());
}

HttpResponse UserManagementApi::logout(const HttpRequest &request)
{
    const QString sessionId = request.query(QStringLiteral("session_id"));
    if (sessionId.isEmpty())
        return messageError(422, QStringLiteral("session_id is required."));
    const QString returnTo = request.query(QStringLiteral("return_to"));
    const UserSession *session = m_state.sessions().session(sessionId);

    QUrl target;
    if (returnTo.isEmpty()) {
        target = m_state.baseUrl();
        target.setPath(QStringLiteral("/authkit/signed-out"));
    } else {
        // The allowlist of the session's client; for an unknown session, of any client.
        bool allowed = false;
        for (const ClientApp &client : m_state.directory().clients()) {
            if (session && session->clientId != client.id)
                continue;
            for (const QString &uri : client.logoutRedirectUris)
                allowed = allowed || matchesRegisteredUri(QUrl(returnTo), uri, true);
        }
        if (!allowed)
            return messageError(422, QStringLiteral("return_to \"%1\" is not an allowed sign-out "
                                                    "redirect.")
                                         .arg(returnTo));
        target = QUrl(returnTo);
    }

    if (session) {
        m_state.sessions().revoke(sessionId);
        qCInfo(lcEmulator).noquote() << "session" << sessionId << "ended by logout";
    }
    m_state.sessions().endBrowserSession(request.cookie(QLatin1String(LoginFlow::kBrowserCookie)));
    return HttpResponse::redirect(target).withHeader(
        "Set-Cookie", QByteArray(LoginFlow::kBrowserCookie)
                          + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
}

} // namespace authkit::emulator
