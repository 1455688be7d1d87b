#include <authkitqt/core/AuthState.h>

#include <authkitqt/core/TokenManager.h>

namespace authkit {

AuthState::AuthState(const TokenManager *tokens, QObject *parent)
    : QObject(parent)
    , m_tokens(tokens)
{
}

bool AuthState::isRefreshing() const
{
    return m_tokens->isRefreshing();
}

const Session &AuthState::session() const
{
    static const Session none;
    return m_hideSession ? none : m_tokens->session();
}

bool AuthState::hasSession() const
{
    return m_tokens->hasSession();
}

qint64 AuthState::msUntilExpiry() const
{
    return m_tokens->msUntilExpiry();
}

qint64 AuthState::msUntilScheduledRefresh() const
{
    return m_tokens->msUntilScheduledRefresh();
}

QString AuthState::persistenceNotice() const
{
    if (m_persistence != Persistence::MemoryOnly)
        return {};
    return tr("No keychain is available, so this session is kept in memory only: you will need "
              "to sign in again after a restart.");
}

} // namespace authkit
