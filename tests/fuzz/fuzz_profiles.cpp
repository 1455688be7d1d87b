// ConfigLoader::load on any bytes as profiles.ini (QSettings' INI reader, then our checks), for
// the local and the development profile.
#include "ConfigFuzzing.h"

#include <QDateTime>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    using namespace authkit::fuzz;
    const QString path = scratchDir().filePath(QStringLiteral("profiles.ini"));
    writeFile(path, bytes(data, size));
    // QSettings keeps what it read by file name, size and time stamp: a new time stamp makes it
    // read the file again. (A new name each time would grow that cache without end.)
    static qint64 stamp = 1'000'000'000;
    QFile file(path);
    check(file.open(QIODevice::ReadWrite) &&
              file.setFileTime(QDateTime::fromSecsSinceEpoch(++stamp),
                               QFileDevice::FileModificationTime),
          "the input's time stamp is set");
    file.close();

    authkit::ConfigSources sources;
    sources.configFile = path;
    sources.profile = QStringLiteral("local");
    loadAndCheck(sources);
    sources.profile = QStringLiteral("development");
    loadAndCheck(sources);
    return 0;
}
