#pragma once

#include "FuzzSupport.h"

#include <authkitqt/core/ConfigLoader.h>

#include <QDir>
#include <QTemporaryDir>

// The configuration targets write the input where ConfigLoader reads it (a project's .env.local,
// a profiles.ini) and load a profile with an empty environment, so no setting of the machine
// running the fuzzer leaks in.
namespace authkit::fuzz {

inline const QTemporaryDir &scratchDir() {
    static const QTemporaryDir dir;
    check(dir.isValid(), "a temporary folder");
    return dir;
}

inline void writeFile(const QString &path, const QByteArray &content) {
    QFile file(path);
    check(file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
              file.write(content) == content.size(),
          "the input is written to the scratch folder");
}

// Loads a profile and checks what ConfigLoader promises about the result.
inline void loadAndCheck(ConfigSources sources) {
    sources.environment = QProcessEnvironment();
    QString error;
    const std::optional<AuthKitConfig> config = ConfigLoader::load(sources, &error);
    if (!config) {
        check(!error.isEmpty(), "a refused configuration says why");
        return;
    }
    check(config->validate().isEmpty(), "a loaded configuration is valid");
    check(!config->clientId.startsWith(QLatin1String("sk_")), "an API key is never a client ID");
    check(!config->acceptedIssuers.isEmpty(), "a loaded configuration accepts some issuer");
}

} // namespace authkit::fuzz
