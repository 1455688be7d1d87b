// authkit-secret-scan: looks for tokens, codes and verifiers in files, and says where (file and
// byte offset), never what. Exit status: 0 nothing found, 1 found, 2 usage, 77 skipped.
#include "SecretScanner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

using authkit::hygiene::SecretScanner;

namespace {
constexpr int kFound = 1;
constexpr int kUsage = 2;
constexpr int kSkipped = 77; // ctest's SKIP_RETURN_CODE for this test
} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Looks for access tokens (JWTs), refresh tokens, authorization codes and PKCE verifiers "
        "in files, and prints where they are, never what they are."));
    parser.addHelpOption();
    const QCommandLineOption suite(
        QStringLiteral("suite"),
        QStringLiteral("Scan what a test run under scripts/with-keyring.sh leaves: its throwaway "
                       "root (HOME, the XDG folders, TMPDIR; $AUTHKIT_TEST_ROOT) and the test "
                       "logs and screenshots of <build-dir>."),
        QStringLiteral("build-dir"));
    parser.addOption(suite);
    parser.addPositionalArgument(QStringLiteral("paths"), QStringLiteral("Files or folders."),
                                 QStringLiteral("[paths...]"));
    parser.process(app);

    QTextStream out(stdout);
    SecretScanner scanner;
    if (parser.isSet(suite)) {
        const QString root = qEnvironmentVariable("AUTHKIT_TEST_ROOT");
        if (root.isEmpty()) {
            out << "secret scan: skipped: AUTHKIT_TEST_ROOT is not set (run the tests under "
                   "scripts/with-keyring.sh, which makes the throwaway HOME)\n";
            return kSkipped;
        }
        const QDir build(parser.value(suite));
        scanner.addRoot(root);
        scanner.addRoot(build.filePath(QStringLiteral("Testing/Temporary")));
        scanner.addRoot(build.filePath(QStringLiteral("screenshots")));
    }
    for (const QString &path : parser.positionalArguments())
        scanner.addRoot(path);
    if (scanner.roots().isEmpty()) {
        out << parser.helpText();
        return kUsage;
    }

    const auto report = scanner.scan();
    out << "secret scan: " << report.files << " files, " << report.bytes << " bytes under "
        << scanner.roots().join(QStringLiteral(", ")) << '\n';
    for (const QString &path : report.unreadable)
        out << "secret scan: unreadable: " << path << '\n';
    for (const auto &finding : report.findings)
        out << "secret scan: FOUND " << finding.kind << " in " << finding.path << " at byte "
            << finding.offset << '\n';
    out << "secret scan: " << report.findings.size() << " secrets found\n";
    return report.findings.isEmpty() ? 0 : kFound;
}
