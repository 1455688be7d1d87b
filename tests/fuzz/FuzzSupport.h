#pragma once

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// What the fuzz targets share: the input as Qt bytes, the fixed files under tests/fuzz/data, and
// an invariant check that aborts (libFuzzer and the replay driver both report an abort).
namespace authkit::fuzz {

// The code's own logging is off: writing a line per rejected input to stderr would slow the
// fuzzer down many times over, and a finding is reported by its stack, not by the log.
inline const bool quietLogs = [] {
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
    return true;
}();

inline QByteArray bytes(const std::uint8_t *data, std::size_t size) {
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// A file of tests/fuzz/data (read once per process; a missing file is a broken setup).
inline QJsonObject dataObject(const char *name) {
    QFile file(QStringLiteral(AUTHKIT_FUZZ_DATA_DIR "/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(file.fileName()));
        std::abort();
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}

// An invariant of the code under test does not hold: a finding, like a crash.
inline void check(bool condition, const char *what) {
    if (!condition) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

} // namespace authkit::fuzz
