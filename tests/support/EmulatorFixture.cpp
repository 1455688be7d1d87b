#include "EmulatorFixture.h"

#include <QtDebug>

namespace authkit::emulator::tests {

std::unique_ptr<AuthKitEmulator> startEmulator(EmulatorOptions options)
{
    auto emulator = std::make_unique<AuthKitEmulator>(std::move(options));
    if (!emulator->start()) {
        qWarning().noquote() << "the emulator did not start:" << emulator->errorString();
        return nullptr;
    }
    return emulator;
}

QUrl endpoint(const QUrl &url, const QString &path)
{
    QUrl result = url;
    result.setPath(path);
    return result;
}

} // namespace authkit::emulator::tests
