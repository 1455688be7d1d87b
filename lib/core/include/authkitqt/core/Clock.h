#pragma once

#include <QtGlobal>
#include <authkitqt/core/authkitqt_core_export.h>

namespace authkit {

/// Time for expiry logic. Expiry is measured on the monotonic clock (exp - iat from the moment a
/// token arrived), so a wrong wall clock does not sign anyone out; the wall clock is only for
/// checks against claims. Tests use a manual clock.
class AUTHKITQT_CORE_EXPORT Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 monotonicMs() const = 0;
    virtual qint64 wallSecs() const = 0;

    static const Clock &system();
};

} // namespace authkit
