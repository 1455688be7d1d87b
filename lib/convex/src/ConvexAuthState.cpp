#include <authkitqt/convex/ConvexAuthState.h>

#include <QMetaProperty>

#include <tuple>

namespace authkit::convex {

ConvexAuthState::ConvexAuthState(ConvexClient *client, QObject *providerState,
                                 ConvexClient::TokenFetcher fetchToken, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_provider(providerState)
    , m_fetchToken(std::move(fetchToken))
{
    if (m_provider) {
        const QMetaObject *meta = m_provider->metaObject();
        const int index = meta->indexOfProperty("isAuthenticated");
        if (index >= 0 && meta->property(index).hasNotifySignal()) {
            m_connection = connect(m_provider, meta->property(index).notifySignal(), this,
                                   metaObject()->method(
                                       metaObject()->indexOfSlot("onProviderChanged()")));
        }
    }
    onProviderChanged();
}

ConvexAuthState::~ConvexAuthState()
{
    ++m_generation;
    if (m_effectActive && m_client)
        m_client->clearAuth();
}

void ConvexAuthState::onProviderChanged()
{
    const bool loading = m_provider && m_provider->property("isLoading").toBool();
    const bool authenticated = m_provider && m_provider->property("isAuthenticated").toBool();
    const bool depsChanged = std::tie(loading, authenticated)
                             != std::tie(m_providerLoading, m_providerAuthenticated);
    update([&] {
        // The effects of ConvexProviderWithAuth: cleanup of the old ones, then the new ones.
        if (depsChanged && m_effectActive) {
            ++m_generation;
            m_effectActive = false;
            m_refreshing = false;
            if (m_client)
                m_client->clearAuth(); // the provider signed out or reloads: Authenticate None
            m_convexAuthenticated.reset();
        } else if (depsChanged) {
            // First effect's cleanup: true -> false, anything else -> waiting.
            m_convexAuthenticated = m_convexAuthenticated == true ? std::optional<bool>(false)
                                                                  : std::nullopt;
            m_refreshing = false;
        }
        m_providerLoading = loading;
        m_providerAuthenticated = authenticated;
        // The adjustments made during render.
        if (loading && m_convexAuthenticated.has_value()) {
            m_convexAuthenticated.reset();
            m_refreshing = false;
        }
        if (!loading && !authenticated && m_convexAuthenticated != false) {
            m_convexAuthenticated = false;
            m_refreshing = false;
        }
    });
    if (depsChanged && authenticated && !m_effectActive && m_client) {
        m_effectActive = true;
        const quint64 generation = ++m_generation;
        QPointer<ConvexAuthState> self(this);
        m_client->setAuth(
            m_fetchToken,
            [self, generation](bool backendAuthenticated) {
                if (!self || self->m_generation != generation)
                    return;
                self->update([&] { self->m_convexAuthenticated = backendAuthenticated; });
            },
            [self, generation](bool refreshing) {
                if (!self || self->m_generation != generation)
                    return;
                self->update([&] { self->m_refreshing = refreshing; });
            });
    }
}

void ConvexAuthState::update(const std::function<void()> &change)
{
    const auto before = std::make_tuple(isLoading(), isAuthenticated(), isRefreshing());
    change();
    if (std::make_tuple(isLoading(), isAuthenticated(), isRefreshing()) != before)
        Q_EMIT changed();
}

} // namespace authkit::convex
