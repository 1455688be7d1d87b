#include <authkitqt/widgets/AuthStatus.h>

namespace authkit {

Session AuthStatus::session() const
{
    Session session;
    session.user = user();
    return session;
}

} // namespace authkit
