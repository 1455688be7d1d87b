#pragma once

#include <QByteArray>

namespace authkit::emulator {

// The names under which the emulator may be addressed: 127.0.0.1, localhost and [::1], with the
// port it listens on. A page on another site that rebinds its own DNS name to 127.0.0.1 sends
// its own name in Host and Origin, and is refused (DNS rebinding).
class LoopbackHost {
public:
    // A Host header value ("127.0.0.1:8080"); without a port only when port is 80.
    static bool accepts(const QByteArray &host, quint16 port);
    // An Origin header value ("http://127.0.0.1:8080").
    static bool acceptsOrigin(const QByteArray &origin, quint16 port);
};

} // namespace authkit::emulator
