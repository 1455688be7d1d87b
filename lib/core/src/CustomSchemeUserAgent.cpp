#include <authkitqt/core/CustomSchemeUserAgent.h>

#include "Logging_p.h"

#include <authkitqt/core/Pkce.h>

#include <authkitqt/core/RedirectParser.h>
#include <authkitqt/core/UriSchemes.h>

namespace authkit {

CustomSchemeUserAgent::CustomSchemeUserAgent(UrlOpener openUrl, QObject *parent)
    : UserAgent(parent)
    , m_openUrl(std::move(openUrl))
{
}

CustomSchemeUserAgent::~CustomSchemeUserAgent() = default;

bool CustomSchemeUserAgent::isCustomSchemeUri(const QUrl &uri)
{
    return uri.isValid() && !uri.scheme().isEmpty() && !isBrowserInternalScheme(uri.scheme())
           && uri.userInfo().isEmpty() && !uri.hasFragment();
}

QUrl CustomSchemeUserAgent::prepareRedirectUri(const QUrl &configured)
{
    if (!isCustomSchemeUri(configured)) {
        qCWarning(lcSession).noquote() << "custom-scheme sign-in: the redirect URI"
                                       << configured.scheme() << "is not a custom scheme";
        return {};
    }
    m_redirectUri = configured;
    return configured;
}

void CustomSchemeUserAgent::present(const AuthorizationRequest &request)
{
    m_expectedState = request.state().toUtf8();
    if (!m_openUrl || !m_openUrl(request.url())) {
        m_expectedState.clear();
        Q_EMIT failed(tr("Could not open the web browser."));
    }
}

void CustomSchemeUserAgent::dismiss()
{
    // The browser tab is the user's; only our wait ends.
    m_expectedState.clear();
}

void CustomSchemeUserAgent::endSession(const QUrl &logoutUrl)
{
    // The hosted session lives in the user's browser: end it there.
    if (m_openUrl)
        m_openUrl(logoutUrl);
}

CustomSchemeUserAgent::Delivery CustomSchemeUserAgent::deliver(const QUrl &url)
{
    // Never the URL itself in the log: it carries the authorization code.
    Delivery delivery = Delivery::Accepted;
    RedirectResult redirect;
    if (!isWaiting()) {
        delivery = Delivery::NoSignInPending;
    } else if (url.toEncoded().size() > kMaxRedirectBytes) {
        delivery = Delivery::TooLong;
    } else {
        redirect = RedirectParser::parse(url, m_redirectUri);
        if (redirect.kind == RedirectResult::Kind::NotOurs
            || redirect.kind == RedirectResult::Kind::Malformed) {
            delivery = Delivery::NotTheRedirect;
        } else if (!pkce::constantTimeEquals(QByteArrayView(redirect.state.toUtf8()),
                                             QByteArrayView(m_expectedState))) {
            delivery = Delivery::NotThisSignIn;
        }
    }
    if (delivery != Delivery::Accepted) {
        qCInfo(lcSession).noquote() << "custom-scheme redirect refused:" << explain(delivery);
        return delivery;
    }
    qCInfo(lcSession) << "custom-scheme redirect accepted for the sign-in under way";
    m_expectedState.clear(); // one redirect per attempt
    Q_EMIT redirectReceived(url);
    return delivery;
}

QString CustomSchemeUserAgent::explain(Delivery delivery)
{
    switch (delivery) {
    case Delivery::Accepted:
        return {};
    case Delivery::NoSignInPending:
        return tr("No sign-in is waiting for this redirect; start the sign-in in the app again.");
    case Delivery::NotTheRedirect:
        return tr("This is not the app's sign-in redirect.");
    case Delivery::TooLong:
        return tr("The redirect is too long to be a sign-in answer.");
    case Delivery::NotThisSignIn:
        return tr("This redirect belongs to another sign-in; the one under way goes on.");
    }
    return {};
}

} // namespace authkit
