#include "SignInDriver.h"

#include "HtmlPage.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace authkit::testsupport {

SignInDriver::SignInDriver(HttpClient &http, const QUrl &baseUrl, const QString &clientId)
    : m_http(http)
    , m_baseUrl(baseUrl)
    , m_clientId(clientId)
    , m_redirectUri(QStringLiteral("http://127.0.0.1:53682/callback"))
{
    renew();
}

void SignInDriver::renew()
{
    m_pkce = Pkce::generate();
    m_state = QStringLiteral("state-%1").arg(QRandomGenerator::system()->generate64(), 0, 36);
}

QUrl SignInDriver::url(const QString &path, const QueryItems &items) const
{
    return urlWith(m_baseUrl, path, items);
}

QueryItems SignInDriver::authorizeParams() const
{
    return {{QStringLiteral("client_id"), m_clientId},
            {QStringLiteral("redirect_uri"), m_redirectUri},
            {QStringLiteral("response_type"), QStringLiteral("code")},
            {QStringLiteral("provider"), QStringLiteral("authkit")},
            {QStringLiteral("code_challenge"), m_pkce.challenge},
            {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
            {QStringLiteral("state"), m_state}};
}

HttpResult SignInDriver::authorize(const QueryItems &params, const HeaderList &headers)
{
    return m_http.get(url(QStringLiteral("/user_management/authorize"), params), headers);
}

HttpResult SignInDriver::follow(const HttpResult &redirect)
{
    const QUrl location = redirect.location();
    if (location.isEmpty())
        return HttpResult();
    return m_http.get(location.isRelative() ? m_baseUrl.resolved(location) : location);
}

QString SignInDriver::attemptOf(const HttpResult &result)
{
    if (!result.header("Location").isEmpty())
        return result.locationQuery().value(QStringLiteral("attempt"));
    return HtmlPage(result.body).inputValue(QStringLiteral("attempt"));
}

bool SignInDriver::isCallback(const HttpResult &result) const
{
    if (result.status != 302)
        return false;
    QUrl location = result.location();
    location.setQuery(QString());
    return location.toString() == m_redirectUri;
}

QString SignInDriver::codeOf(const HttpResult &result) const
{
    return isCallback(result) ? result.locationQuery().value(QStringLiteral("code")) : QString();
}

QString SignInDriver::csrfOf(const HttpResult &page)
{
    return HtmlPage(page.body).inputValue(QStringLiteral("csrf_token"));
}

QString SignInDriver::csrfToken(const QString &attempt)
{
    return csrfOf(m_http.get(
        url(QStringLiteral("/authkit/sign-in"), {{QStringLiteral("attempt"), attempt}})));
}

HttpResult SignInDriver::postHosted(const QString &path, const QString &attempt,
                                    const QueryItems &fields)
{
    QueryItems all{{QStringLiteral("attempt"), attempt},
                   {QStringLiteral("csrf_token"), csrfToken(attempt)}};
    all.append(fields);
    return m_http.postForm(url(path), all);
}

HttpResult SignInDriver::submitPassword(const QString &attempt, const QString &email,
                                        const QString &password)
{
    return postHosted(QStringLiteral("/authkit/sign-in"), attempt,
                      {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
}

QString SignInDriver::signInWithPassword(const QString &email, const QString &organizationId,
                                         HttpResult *last)
{
    HttpResult result = authorize();
    if (result.status == 302 && !isCallback(result)) {
        const HttpResult page = follow(result);
        result = page.status == 200 ? submitPassword(attemptOf(page), email) : page;
    }
    for (int step = 0; step < 3 && result.status == 302 && !isCallback(result); ++step) {
        if (result.location().path() != QLatin1String("/authkit/organizations"))
            break;
        const HttpResult picker = follow(result);
        const QStringList buttons = HtmlPage(picker.body).idsWithPrefix(QStringLiteral("org-"));
        if (buttons.isEmpty()) {
            result = picker;
            break;
        }
        const QString chosen = organizationId.isEmpty() ? buttons.first().mid(4) : organizationId;
        result = m_http.postForm(url(QStringLiteral("/authkit/organizations")),
                                 {{QStringLiteral("attempt"), attemptOf(picker)},
                                  {QStringLiteral("csrf_token"), csrfOf(picker)},
                                  {QStringLiteral("organization_id"), chosen}});
    }
    if (last)
        *last = result;
    return codeOf(result);
}

HttpResult SignInDriver::exchangeCode(const QString &code, const QString &verifier)
{
    return m_http.postJson(url(QStringLiteral("/user_management/authenticate")),
                           {{QStringLiteral("client_id"), m_clientId},
                            {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                            {QStringLiteral("code"), code},
                            {QStringLiteral("code_verifier"), verifier}});
}

HttpResult SignInDriver::refresh(const QString &refreshToken, const QString &organizationId)
{
    QJsonObject body{{QStringLiteral("client_id"), m_clientId},
                     {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                     {QStringLiteral("refresh_token"), refreshToken}};
    if (!organizationId.isEmpty())
        body.insert(QStringLiteral("organization_id"), organizationId);
    return m_http.postJson(url(QStringLiteral("/user_management/authenticate")), body);
}

QJsonObject SignInDriver::signInAndExchange(const QString &email, const QString &organizationId)
{
    const QString code = signInWithPassword(email, organizationId);
    if (code.isEmpty())
        return {};
    const HttpResult result = exchangeCode(code);
    return result.status == 200 ? result.json() : QJsonObject();
}

HttpResult SignInDriver::control(const QString &path, const QJsonObject &body)
{
    return m_http.postJson(url(path), body);
}

qint64 SignInDriver::advanceClock(qint64 seconds)
{
    const HttpResult result =
        control(QStringLiteral("/_emulator/clock"), {{QStringLiteral("advance_seconds"), seconds}});
    const QDateTime now = QDateTime::fromString(
        result.json().value(QLatin1String("now")).toString(), Qt::ISODateWithMs);
    return now.isValid() ? now.toSecsSinceEpoch() : -1;
}

} // namespace authkit::testsupport
