#include "LoopbackHost_p.h"

namespace authkit::emulator {

bool LoopbackHost::accepts(const QByteArray &host, quint16 port) {
    const QByteArray lower = host.trimmed().toLower();
    const int close = int(lower.lastIndexOf(']'));
    const int colon = int(lower.lastIndexOf(':'));
    const bool hasPort = colon > close;
    const QByteArray name = hasPort ? lower.left(colon) : lower;
    if (name != "127.0.0.1" && name != "localhost" && name != "[::1]")
        return false;
    if (!hasPort)
        return port == 80;
    const QByteArray digits = lower.mid(colon + 1);
    bool ok = !digits.isEmpty() && digits.size() <= 5;
    for (const char c : digits)
        ok = ok && c >= '0' && c <= '9';
    return ok && digits.toUInt() == port;
}

bool LoopbackHost::acceptsOrigin(const QByteArray &origin, quint16 port) {
    const QByteArray scheme = "http://";
    return origin.startsWith(scheme) && accepts(origin.mid(scheme.size()), port);
}

} // namespace authkit::emulator
