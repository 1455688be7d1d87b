#include "SecretScanner.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <limits>

namespace authkit::hygiene {

namespace {

struct SecretPattern {
    QString kind;
    QRegularExpression expression;
};

// A value after a key such as "refresh_token": JSON, form and query shapes alike.
QString named(const char *key, const char *value) {
    return QStringLiteral(R"(\b%1\b["']?\s*[:=]\s*["']?%2)")
        .arg(QLatin1String(key), QLatin1String(value));
}

const QList<SecretPattern> &patterns() {
    static const QList<SecretPattern> list{
        // A signed JWT: header and payload are base64url JSON objects, so both start "eyJ".
        {QStringLiteral("jwt"),
         QRegularExpression(
             QStringLiteral(R"(eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,})"))},
        // The emulator's refresh token (SessionRegistry: 32 random letters and digits), standing
        // alone. Random ones mix upper case, lower case and digits; hex digests and words do not,
        // and a run inside a longer base64 or PKCE text is not a token of its own (a full stop
        // may end a sentence after one).
        {QStringLiteral("refresh token (emulator format)"),
         QRegularExpression(QStringLiteral(
             R"((?<![A-Za-z0-9+/=_.~-])(?=[A-Za-z0-9]{0,31}[a-z])(?=[A-Za-z0-9]{0,31}[A-Z]))"
             R"((?=[A-Za-z0-9]{0,31}[0-9])[A-Za-z0-9]{32}(?![A-Za-z0-9+/=_~-])(?!\.[A-Za-z0-9]))"))},
        // Any format, when it says what it is.
        {QStringLiteral("refresh_token value"),
         QRegularExpression(named("refresh_token", R"([A-Za-z0-9._~+/-]{16,})"))},
        {QStringLiteral("access_token value"),
         QRegularExpression(named("access_token", R"([A-Za-z0-9._~+/-]{16,})"))},
        {QStringLiteral("code_verifier value"),
         QRegularExpression(named("code_verifier", R"([A-Za-z0-9._~-]{43,128})"))},
        // Authorization codes are ULIDs (26 Crockford base32 digits), as WorkOS's are.
        {QStringLiteral("authorization code"),
         QRegularExpression(named("code", R"([0-9A-HJKMNP-TV-Z]{26}(?![0-9A-Za-z]))"))},
    };
    return list;
}

// Files are read in windows that overlap by more than the longest secret, so none is cut.
constexpr qint64 kWindowBytes = 8 * 1024 * 1024;
constexpr qint64 kOverlapBytes = 64 * 1024;
// Bytes before a window's first reported offset, so look-behinds see what precedes a match.
constexpr qint64 kContextBytes = 64;

} // namespace

void SecretScanner::addRoot(const QString &path) {
    m_roots.append(path);
}

QList<SecretFinding> SecretScanner::findInBytes(const QByteArray &bytes, const QString &path,
                                                qint64 baseOffset) {
    // Latin-1 maps every byte to one character, so character offsets are byte offsets.
    const QString text = QString::fromLatin1(bytes);
    QList<SecretFinding> findings;
    for (const SecretPattern &pattern : patterns()) {
        QRegularExpressionMatchIterator it = pattern.expression.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            findings.append({path, baseOffset + match.capturedStart(), pattern.kind});
        }
    }
    return findings;
}

SecretScanReport SecretScanner::scan() const {
    SecretScanReport report;
    for (const QString &root : m_roots) {
        const QFileInfo info(root);
        if (info.isSymLink() || !info.exists())
            continue;
        if (info.isFile()) {
            scanFile(info.absoluteFilePath(), report);
            continue;
        }
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!it.fileInfo().isSymLink())
                scanFile(path, report);
        }
    }
    return report;
}

void SecretScanner::scanFile(const QString &path, SecretScanReport &report) const {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        report.unreadable.append(path);
        return;
    }
    ++report.files;
    qint64 reportFrom = 0;
    qint64 end = 0;
    for (;;) {
        const qint64 windowStart = qMax<qint64>(0, reportFrom - kContextBytes);
        if (!file.seek(windowStart))
            break;
        const QByteArray window = file.read(kWindowBytes);
        end = qMax(end, windowStart + window.size());
        // A file still being written (a log) is read up to where it ends now.
        const bool last = window.size() < kWindowBytes;
        const qint64 reportTo =
            last ? std::numeric_limits<qint64>::max() : windowStart + window.size() - kOverlapBytes;
        for (const SecretFinding &finding : findInBytes(window, path, windowStart)) {
            if (finding.offset >= reportFrom && finding.offset < reportTo)
                report.findings.append(finding);
        }
        if (last)
            break;
        reportFrom = reportTo;
    }
    report.bytes += end;
}

} // namespace authkit::hygiene
