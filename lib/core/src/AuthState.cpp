#include <authkitqt/core/AuthState.h>

namespace authkit {

QString AuthState::persistenceNotice() const
{
    if (m_persistence != Persistence::MemoryOnly)
        return {};
    return tr("No keychain is available, so this session is kept in memory only: you will need "
              "to sign in again after a restart.");
}

} // namespace authkit
