#pragma once

#include <authkitqt/convex/ConvexClient.h>

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <optional>
#include <authkitqt/convex/authkitqt_convex_export.h>

namespace authkit::convex {

/// useConvexAuth() for Qt (convex-js react/ConvexAuthState.tsx): the provider's state (AuthState,
/// or any QObject with isLoading / isAuthenticated properties and a notify signal) combined with
/// the backend's confirmation. isLoading while the provider loads or Convex has not confirmed or
/// rejected the token; isAuthenticated only once both agree. It drives ConvexClient::setAuth() when
/// the provider turns authenticated and clearAuth() when it stops being so. The widgets'
/// ConvexAuthStatus adapts it for AuthGate.
class AUTHKITQT_CONVEX_EXPORT ConvexAuthState : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool isLoading READ isLoading NOTIFY changed)
    Q_PROPERTY(bool isAuthenticated READ isAuthenticated NOTIFY changed)
    Q_PROPERTY(bool isRefreshing READ isRefreshing NOTIFY changed)
public:
    /// fetchToken must stay the same for the object's life (a new one would mean clearAuth and
    /// setAuth again, convex-js#82); AuthKitTokenSource::fetcher() is.
    ConvexAuthState(ConvexClient *client, QObject *providerState,
                    ConvexClient::TokenFetcher fetchToken, QObject *parent = nullptr);
    ~ConvexAuthState() override;

    bool isLoading() const { return !m_convexAuthenticated.has_value(); }
    bool isAuthenticated() const
    {
        return m_providerAuthenticated && m_convexAuthenticated.value_or(false);
    }
    bool isRefreshing() const { return m_refreshing && isAuthenticated(); }

    /// What the backend said: nullopt while waiting.
    std::optional<bool> convexAuthenticated() const { return m_convexAuthenticated; }

Q_SIGNALS:
    void changed();

private Q_SLOTS:
    void onProviderChanged();

private:
    void update(const std::function<void()> &change);

    QPointer<ConvexClient> m_client;
    QPointer<QObject> m_provider;
    ConvexClient::TokenFetcher m_fetchToken;
    QMetaObject::Connection m_connection;
    bool m_providerLoading = true;
    bool m_providerAuthenticated = false;
    bool m_effectActive = false;   ///< setAuth ran for the current provider state
    quint64 m_generation = 0;       ///< callbacks of an earlier setAuth are ignored
    std::optional<bool> m_convexAuthenticated;
    bool m_refreshing = false;
};

} // namespace authkit::convex
